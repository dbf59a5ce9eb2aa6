import type { ParsedInput, RouteAccess, RouteReply, RouteSpec } from '@sunshine/contracts';
import type { Request, RequestHandler, Response, Router } from 'express';
import { parseInput } from './http';

/**
 * A route's handler gets the parsed request and answers with the route's reply, which is
 * sent as JSON with the route's status. A file route writes to `res` itself and returns nothing.
 */
export type RouteHandler<R extends RouteSpec> = (
  input: ParsedInput<R>,
  req: Request,
  res: Response,
) => Promise<RouteReply<R> | undefined> | RouteReply<R> | undefined;

const METHODS = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

/** Registers `route` on `router` behind `guards`: query and body are checked with the route's schemas first. */
export function mountRoute<R extends RouteSpec>(router: Router, route: R, guards: RequestHandler[], handler: RouteHandler<R>): void {
  router[METHODS[route.method]](route.path, ...guards, async (req: Request, res: Response) => {
    // Built from the route's own schemas, so its shape is ParsedInput<R> by construction.
    const input = {
      params: req.params,
      query: route.query ? parseInput(route.query, req.query) : undefined,
      body: route.body ? parseInput(route.body, req.body) : undefined,
    } as ParsedInput<R>;
    const reply = await handler(input, req, res);
    if (res.headersSent) return;
    if (route.status === 204) {
      res.status(204).end();
      return;
    }
    res.status(route.status ?? 200).json(reply);
  });
}

/** A service's `mount(router, route, handler)`: the service says how each kind of access is checked. */
export function createRouteMounter(guardFor: (access: RouteAccess) => RequestHandler[]) {
  return <R extends RouteSpec>(router: Router, route: R, handler: RouteHandler<R>): void => {
    mountRoute(router, route, guardFor(route.access), handler);
  };
}
