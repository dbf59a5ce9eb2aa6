import type { RouteAccess } from '@sunshine/contracts';
import { createRouteMounter } from '@sunshine/service-kit';
import type { RequestHandler } from 'express';

/**
 * The agent's `mount(router, route, handler)`: parses a route's query and body with its
 * schemas, calls the handler and answers with the route's status. Every agent route is
 * `local` — the agent listens on 127.0.0.1 only and the kiosk UI is its only client — so no
 * guard runs. A route of any other kind is central's: mounting it here fails at start.
 */
export const mount = createRouteMounter((access: RouteAccess): RequestHandler[] => {
  if (access.kind === 'local') return [];
  throw new Error(`the kiosk agent serves loopback routes only, not ${access.kind} ones`);
});
export type AgentMount = typeof mount;
