import { AgentHealth } from '@sunshine/contracts';

/** Give up on a health request after this long; the next poll tries again. */
const HEALTH_TIMEOUT_MS = 5_000;

/** Why the agent's health could not be read, in words a log or a staff panel can show. */
export class AgentHealthError extends Error {
  override readonly name = 'AgentHealthError';
}

/**
 * Reads `GET /api/health` from the kiosk agent and checks it against the contract:
 * TypeScript types say nothing about what actually arrives over the wire.
 */
export async function fetchAgentHealth(signal?: AbortSignal): Promise<AgentHealth> {
  const timeout = AbortSignal.timeout(HEALTH_TIMEOUT_MS);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  const response = await fetch('/api/health', {
    signal: combined,
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new AgentHealthError(`agent answered ${response.status}`);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = AgentHealth.safeParse(body);
  if (!parsed.success) throw new AgentHealthError('agent health does not match the contract');
  return parsed.data;
}
