import { AppError, can, type Permission, type StaffSession } from '@sunshine/contracts';

export { can, type Permission } from '@sunshine/contracts';

/** 403 `missing_permission` unless the staff member's role holds `permission`. */
export function assertCan(staff: Pick<StaffSession, 'role'>, permission: Permission): void {
  if (!can(staff, permission)) throw new AppError('missing_permission', '您的账号没有这项操作的权限');
}

/**
 * A department-scoped member (a publisher, or a handler with a department) acts only on
 * their own department's things; admins and unscoped members act on all.
 */
export function isInScope(staff: Pick<StaffSession, 'role' | 'department'>, department: string | null): boolean {
  if (staff.role === 'admin' || staff.department === null) return true;
  return staff.department === department;
}

/**
 * Two people publish (docs/design.md §9): the one who staged a change may not approve it. An
 * admin may approve alone only with a reason, which the approval's audit entry keeps. Answers
 * whether this approval is such a lone one (so it is audited as one).
 */
export function assertSecondPerson(staff: Pick<StaffSession, 'username' | 'role'>, stagedBy: string, reason: string | undefined): { isAlone: boolean } {
  if (staff.username !== stagedBy) return { isAlone: false };
  if (staff.role !== 'admin') throw new AppError('two_person_rule', '不能审核自己提交的更改：须由另一位审核员或管理员审核');
  if (!reason) throw new AppError('two_person_rule', '不能审核自己提交的更改：请由另一位审核员审核；管理员确需独自发布时，须填写原因（记入审计日志）');
  return { isAlone: true };
}
