import { ApiError } from './errors';
import { isFileResponse, pathOf, type RouteInput, type RouteOutput, type RouteSpec, type RouteUrlInput } from './route';

/**
 * A failed call. `code` is the server's error code (switch on it, never on `message`), or
 * `network` when no answer came and `bad_response` when the answer broke the contract.
 */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    /** The server's `Retry-After`, in ms from now, when it sent one. */
    readonly retryAfterMs?: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  /** Absolute base (`http://127.0.0.1:8700`); empty for same-origin calls from a page. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Headers sent with every call (a kiosk's bearer token, a session cookie in tests). */
  headers?: () => Record<string, string>;
  timeoutMs?: number;
  /** Fetch options for every call: the kiosk UI's `cache: 'no-store'`, so nothing personal stays in the browser's cache. */
  init?: { cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache'; redirect?: 'follow' | 'manual' | 'error' };
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** A body sent as it is (an uploaded file) instead of the route's JSON body. */
  rawBody?: { data: NonNullable<RequestInit['body']>; contentType: string };
}

/** A URL needs only params and query; a call's whole input (with its body) is taken too. */
type UrlArg<R extends RouteSpec> = unknown extends RouteUrlInput<R> ? [input?: { body?: unknown }] : [input: RouteUrlInput<R> & { body?: unknown }];
/** What `call` takes after the route: its input (none when it needs none) and call options. */
export type CallArgs<R extends RouteSpec> = unknown extends RouteInput<R>
  ? [input?: Record<string, never>, init?: CallOptions]
  : [input: RouteInput<R>, init?: CallOptions];

/** `Retry-After` in ms from now (seconds or an HTTP date), undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month ("Thu, 26 Nov 2026 08:00:30 GMT"); Date.parse alone takes "-5" as a year.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function toQueryString(query: unknown): string {
  if (query === undefined || query === null) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The URL of a route call, for links (`<a href>`, `<audio src>`) as well as for fetch; a body plays no part. */
export function urlOf<R extends RouteSpec>(route: R, ...[input]: UrlArg<R>): string {
  const fields = (input ?? {}) as { params?: Record<string, string | number>; query?: unknown };
  return pathOf(route.path, fields.params) + toQueryString(fields.query);
}

async function toCallError(response: Response): Promise<ApiCallError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ApiError.safeParse(body);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiCallError(code, message, response.status, retryAfterMs, details);
  }
  return new ApiCallError(response.status === 404 ? 'not_found' : 'internal', `HTTP ${response.status}`, response.status, retryAfterMs);
}

/**
 * The one typed client per boundary: a route value in, its parsed answer out. Every answer
 * is checked against the route's schema, since types do not check data at run time.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function send<R extends RouteSpec>(route: R, input: unknown, init: CallOptions): Promise<Response> {
    const fields: { body?: unknown } = input ?? {};
    const timeout = AbortSignal.timeout(init.timeoutMs ?? options.timeoutMs ?? 30_000);
    const signal = init.signal === undefined ? timeout : AbortSignal.any([init.signal, timeout]);
    const hasJson = init.rawBody === undefined && fields.body !== undefined;
    const contentType = init.rawBody?.contentType ?? (hasJson ? 'application/json' : undefined);
    const url = (options.baseUrl ?? '') + urlOf(route, ...([input] as UrlArg<R>));
    try {
      return await doFetch(url, {
        ...options.init,
        method: route.method,
        signal,
        headers: { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}), ...options.headers?.() },
        body: init.rawBody?.data ?? (hasJson ? JSON.stringify(fields.body) : undefined),
        ...(init.rawBody && init.rawBody.data instanceof ReadableStream ? { duplex: 'half' } : {}),
      });
    } catch (error: unknown) {
      if (init.signal?.aborted === true) throw error;
      throw new ApiCallError('network', error instanceof Error ? error.message : 'network error', 0);
    }
  }

  return {
    async call<R extends RouteSpec>(route: R, ...args: CallArgs<R>): Promise<RouteOutput<R>> {
      const [input, init]: [unknown?, CallOptions?] = args;
      const response = await send(route, input, init ?? {});
      if (!response.ok) throw await toCallError(response);
      if (isFileResponse(route.response)) return response as RouteOutput<R>;
      const body: unknown = route.status === 204 ? undefined : await response.json().catch(() => undefined);
      const parsed = route.response.safeParse(body);
      if (!parsed.success) throw new ApiCallError('bad_response', `${route.method} ${route.path}: ${parsed.error.message}`, response.status);
      return parsed.data as RouteOutput<R>;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
