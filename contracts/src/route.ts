import type { z } from 'zod';
import type { Permission } from './permissions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route; the server that mounts it enforces this.
 * - `public`: anyone (health, the public pages).
 * - `kiosk`: an enrolled kiosk's bearer token (central's kiosk API).
 * - `staff`: a staff session cookie, holding `permission` when one is named.
 * - `local`: the kiosk UI on the agent's loopback address.
 */
export type RouteAccess = { kind: 'public' } | { kind: 'kiosk' } | { kind: 'local' } | { kind: 'staff'; permission?: Permission };

/** A non-JSON answer (audio, a CSV or XLSX file, a sync body): the client gets the raw `Response`. */
export interface FileResponse {
  kind: 'file';
  contentType: string;
}

export interface RouteSpec {
  method: HttpMethod;
  /** Express-style: `/api/tickets/:ticketNumber`. The only place the path is written. */
  path: string;
  /** One line for the API reference. */
  summary: string;
  access: RouteAccess;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer's schema, or a file. */
  response: z.ZodType | FileResponse;
  /** The success status; 200 unless said. */
  status?: 200 | 201 | 202 | 204;
}

/** Declares a route: its literal type carries the path, schemas and access to both ends. */
export function defineRoute<const R extends RouteSpec>(spec: R): R {
  return spec;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** `{ ticketNumber: string }` for `/api/tickets/:ticketNumber`. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string | number };

/** What a route's URL is made of: params when the path has any, query when the route has one. */
export type RouteUrlInput<R extends RouteSpec> = ([ParamNames<R['path']>] extends [never] ? unknown : { params: PathParams<R['path']> }) &
  (R extends { query: infer Q extends z.ZodType } ? { query: z.input<Q> } : unknown);

/** What a caller passes: params when the path has any, query and body when the route has them. */
export type RouteInput<R extends RouteSpec> = RouteUrlInput<R> & (R extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown);

/** What a handler receives once the server has parsed the request. */
export type ParsedInput<R extends RouteSpec> = {
  params: Record<ParamNames<R['path']>, string>;
  query: R extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  body: R extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
};

/** The answer's type as the client sees it after parsing. */
export type RouteOutput<R extends RouteSpec> = R['response'] extends z.ZodType ? z.output<R['response']> : Response;

/** A JSON value's type that also takes read-only arrays, which a server may well hold. */
export type AllowReadonly<T> = T extends readonly (infer U)[]
  ? readonly AllowReadonly<U>[]
  : T extends Record<string, unknown>
    ? { [K in keyof T]: AllowReadonly<T[K]> }
    : T;

/** The answer's type as the server writes it (before any transform of the schema). */
export type RouteReply<R extends RouteSpec> = R['response'] extends z.ZodType ? AllowReadonly<z.input<R['response']>> : never;

/** Fills a route's path: `/api/tickets/:ticketNumber` + `{ ticketNumber: 42 }` → `/api/tickets/42`. */
export function pathOf(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

export function isFileResponse(response: RouteSpec['response']): response is FileResponse {
  return !('safeParse' in response);
}
