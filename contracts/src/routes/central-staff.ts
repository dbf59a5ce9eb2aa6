import { z } from 'zod';
import { CreateStaffRequest, UpdateStaffRequest } from '../console';
import { defineRoute } from '../route';
import { LoginRequest, StaffSession } from '../staff';

/**
 * Staff sessions (the `sunshine_session` cookie: httpOnly, SameSite=Strict, 8 hours; `Secure`
 * when `CENTRAL_SECURE_COOKIES=true`) and the accounts an admin keeps. Every staff route
 * answers 401 `unauthorized` without a session cookie, 401 `session_expired` when the cookie's
 * session has ended (expired, logged out, the account disabled or its password reset), and
 * 403 `missing_permission` when the role may not (`PERMISSIONS` in contracts).
 */
export const staffApi = {
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary:
      'Checks the password and sets the session cookie; audited (`auth.login`). 401 `wrong_password` for a wrong password or an unknown username (the answer does not say which); 403 `account_disabled` for the right password of a disabled account; 429 `login_locked` with `Retry-After` (seconds) once an account has had 5 wrong passwords, or an address 20 failed logins, in 15 minutes (`details.scope` is `account` or `address`; a locked account is refused even with the right password, other accounts at the same address are not). Only failures count: a success clears its account\'s wrong passwords. `username` ≤ 64, `password` ≤ 256 characters',
    access: { kind: 'public' },
    body: LoginRequest,
    response: StaffSession,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Ends this session and clears its cookie; audited (`auth.logout`)',
    access: { kind: 'staff' },
    response: z.undefined(),
    status: 204,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'Who this session belongs to: name, role and department',
    access: { kind: 'staff' },
    response: StaffSession,
  }),
  listAccounts: defineRoute({
    method: 'GET',
    path: '/api/staff',
    summary: 'Every staff account by username',
    access: { kind: 'staff', permission: 'staff:manage' },
    response: z.array(StaffSession),
  }),
  createAccount: defineRoute({
    method: 'POST',
    path: '/api/staff',
    summary:
      'Makes an account (a publisher needs a department); audited (`staff.create`). `username` 2–32 of `a-z 0-9 _ . -`, `password` 10–256, `displayName` ≤ 32, `department` ≤ 64 characters. 409 `username_taken`; 400 `bad_request` naming the field',
    access: { kind: 'staff', permission: 'staff:manage' },
    body: CreateStaffRequest,
    response: StaffSession,
    status: 201,
  }),
  updateAccount: defineRoute({
    method: 'PATCH',
    path: '/api/staff/:username',
    summary:
      "Resets the password, or disables or enables the account; a reset or disabling ends the account's sessions. Audited (`staff.update`). 404 `unknown_account`; 409 `cannot_disable_self`; 400 `bad_request` when nothing is to change",
    access: { kind: 'staff', permission: 'staff:manage' },
    body: UpdateStaffRequest,
    response: z.undefined(),
    status: 204,
  }),
} as const;
