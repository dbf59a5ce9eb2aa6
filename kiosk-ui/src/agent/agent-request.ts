import { ApiCallError, createApiClient, type CallArgs, type RouteOutput, type RouteSpec } from '@sunshine/contracts';

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

/**
 * The typed client on an agent at `baseUrl` (the page's own origin when empty). Every
 * answer is checked against its route's schema, and nothing is kept in the browser's
 * cache: a lookup or a reply is the villager's alone.
 */
export function createAgentCaller(baseUrl = '') {
  const client = createApiClient({ baseUrl, init: { cache: 'no-store' }, timeoutMs: REQUEST_TIMEOUT_MS });
  return async <R extends RouteSpec>(route: R, ...args: CallArgs<R>): Promise<RouteOutput<R>> => {
    try {
      return await client.call(route, ...args);
    } catch (error: unknown) {
      throw toAgentError(error);
    }
  };
}

/**
 * The one way the UI talks to the agent: a route value from `agentApi` and its input, the
 * parsed answer back, or an {@link AgentRequestError} in plain Chinese. A call aborted by
 * its caller rejects with the abort, as fetch does.
 */
export const agentCall = createAgentCaller();

/** Keeps the agent's code and plain-Chinese message; anything else gets the generic sentence. */
export function toAgentError(error: unknown): unknown {
  if (!(error instanceof ApiCallError)) return error;
  // The client names an answer without an error body `HTTP <status>`: no words for a villager.
  const fromAgent = error.status > 0 && error.code !== 'bad_response' && error.message !== `HTTP ${error.status}`;
  return new AgentRequestError(error.code, fromAgent ? error.message : AGENT_UNREACHABLE_MESSAGE, error.status);
}

/** The sentence to show and speak for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof AgentRequestError) return error.message;
  return AGENT_UNREACHABLE_MESSAGE;
}
