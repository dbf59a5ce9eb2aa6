import { agentHealthApi, ApiCallError, createApiClient, type AgentHealth } from '@sunshine/contracts';

/** Give up on a health request after this long; the next poll tries again. */
const HEALTH_TIMEOUT_MS = 5_000;

/** Why the agent's health could not be read, in words a log or a staff panel can show. */
export class AgentHealthError extends Error {
  override readonly name = 'AgentHealthError';
}

const client = createApiClient({ baseUrl: '', init: { cache: 'no-store' }, timeoutMs: HEALTH_TIMEOUT_MS });

/**
 * Reads the agent's health and checks it against the contract: TypeScript types say nothing
 * about what actually arrives over the wire.
 */
export async function fetchAgentHealth(signal?: AbortSignal): Promise<AgentHealth> {
  try {
    return await client.call(agentHealthApi.health, {}, { signal });
  } catch (error: unknown) {
    if (!(error instanceof ApiCallError)) throw error;
    if (error.code === 'bad_response') throw new AgentHealthError('agent health does not match the contract');
    throw new AgentHealthError(error.status === 0 ? `agent unreachable: ${error.message}` : `agent answered ${error.status}`);
  }
}
