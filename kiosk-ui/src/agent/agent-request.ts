import { ApiError } from '@sunshine/contracts';
import type { z } from 'zod';

/** Give up on an agent request after this long: the agent is on the same machine. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The plain sentence a villager sees when the agent cannot be reached at all. */
export const AGENT_UNREACHABLE_MESSAGE = '一体机暂时无法查询，请稍后再试或联系村委会工作人员';

/**
 * A failed agent call. `message` is always plain Chinese fit for the screen and for
 * speech: the agent's own message when it sent one, else a generic sentence.
 */
export class AgentRequestError extends Error {
  override readonly name = 'AgentRequestError';
  constructor(
    /** The contract's error code (`invalid_id_number`, `wrong_pin`, …) or `network`/`bad_response`. */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
  ) {
    super(message);
  }
}

export interface AgentRequestInit {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The one way the UI talks to the agent: sends JSON, checks the answer against the
 * contract schema (types do not check data at run time) and turns
 * `{ error: { code, message } }` into an {@link AgentRequestError}.
 */
export async function agentRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  init: AgentRequestInit = {},
): Promise<z.output<S>> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init.signal === undefined ? timeout : AbortSignal.any([init.signal, timeout]);
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      signal,
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error: unknown) {
    if (init.signal?.aborted === true) throw error;
    throw new AgentRequestError('network', AGENT_UNREACHABLE_MESSAGE, 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toAgentError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AgentRequestError('bad_response', AGENT_UNREACHABLE_MESSAGE, response.status);
  }
  return parsed.data;
}

/** Maps an error answer to a typed error, keeping the agent's plain-Chinese message. */
export function toAgentError(status: number, body: unknown): AgentRequestError {
  const parsed = ApiError.safeParse(body);
  if (parsed.success) {
    return new AgentRequestError(parsed.data.error.code, parsed.data.error.message, status);
  }
  const code = status === 404 ? 'not_found' : 'internal';
  return new AgentRequestError(code, AGENT_UNREACHABLE_MESSAGE, status);
}

/** The sentence to show and speak for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof AgentRequestError) return error.message;
  return AGENT_UNREACHABLE_MESSAGE;
}
