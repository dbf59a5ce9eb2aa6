import type { RouteAccess } from '@sunshine/contracts';
import { createRouteMounter } from '@sunshine/service-kit';
import type { RequestHandler } from 'express';
import { requireKiosk } from './fleet/kiosk-auth';
import type { KioskRepository } from './fleet/kiosks.repository';
import { requireStaff } from './staff/staff-session';
import type { StaffRepository } from './staff/staff.repository';

export interface MountDeps {
  staff: StaffRepository;
  kiosks: KioskRepository;
  now: () => Date;
}

/** Central's `mount(router, route, handler)`: a route's `access` says which check runs before it. */
export function createCentralMount(deps: MountDeps) {
  return createRouteMounter((access: RouteAccess): RequestHandler[] => {
    switch (access.kind) {
      case 'public':
        return [];
      case 'kiosk':
        return [requireKiosk(deps.kiosks)];
      case 'staff':
        return [requireStaff(deps, access.permission)];
      case 'local':
        throw new Error('central has no loopback-only routes');
    }
  });
}

export type CentralMount = ReturnType<typeof createCentralMount>;
