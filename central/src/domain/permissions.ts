import { AppError, type StaffRole, type StaffSession } from '@sunshine/contracts';

/** What each DESIGN §9 role may do. Department scoping is applied by each use case. */
const PERMISSIONS = {
  'tickets:read': ['admin', 'handler', 'reviewer', 'inspector', 'viewer'],
  'tickets:handle': ['admin', 'handler'],
  // Contact details go only to the handling office (DESIGN §5, §14).
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

export function can(staff: Pick<StaffSession, 'role'>, permission: Permission): boolean {
  const roles: readonly StaffRole[] = PERMISSIONS[permission];
  return roles.includes(staff.role);
}

export function assertCan(staff: Pick<StaffSession, 'role'>, permission: Permission): void {
  if (!can(staff, permission)) throw new AppError('forbidden', '您的账号没有这项操作的权限');
}

/**
 * A department-scoped member (a publisher, or a handler with a department) acts only on
 * their own department's things; admins and unscoped members act on all.
 */
export function isInScope(staff: Pick<StaffSession, 'role' | 'department'>, department: string | null): boolean {
  if (staff.role === 'admin' || staff.department === null) return true;
  return staff.department === department;
}
