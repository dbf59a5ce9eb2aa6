import { z } from 'zod';

/** docs/design.md §9 roles; a publisher is scoped to one department. */
export const StaffRole = z.enum(['admin', 'publisher', 'reviewer', 'handler', 'inspector', 'viewer']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Central `POST /api/auth/login`. */
export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffSession = z.object({
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  department: z.string().nullable(),
});
export type StaffSession = z.infer<typeof StaffSession>;
