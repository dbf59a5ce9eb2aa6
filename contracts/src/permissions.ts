import type { StaffRole } from './staff';

/**
 * What each staff role may do (docs/design.md §9); a route names the permission it needs.
 * Department and town scoping is applied by each use case.
 */
export const PERMISSIONS = {
  'tickets:read': ['admin', 'handler', 'reviewer', 'inspector', 'viewer'],
  'tickets:handle': ['admin', 'handler'],
  // Contact details go only to the handling office (docs/design.md §5, §14).
  'tickets:contact': ['admin', 'handler'],
  'imports:read': ['admin', 'publisher', 'reviewer', 'inspector', 'viewer'],
  'imports:upload': ['admin', 'publisher'],
  'imports:review': ['admin', 'reviewer'],
  'records:correct': ['admin', 'publisher'],
  'fleet:read': ['admin', 'inspector', 'viewer', 'handler', 'reviewer', 'publisher'],
  'fleet:manage': ['admin'],
  'staff:manage': ['admin'],
  'audit:read': ['admin', 'inspector'],
  'stats:read': ['admin', 'publisher', 'reviewer', 'handler', 'inspector', 'viewer'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(staff: { role: StaffRole }, permission: Permission): boolean {
  const roles: readonly StaffRole[] = PERMISSIONS[permission];
  return roles.includes(staff.role);
}
