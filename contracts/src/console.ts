import { z } from 'zod';
import { IsoDate, IsoDateTime } from './common';
import { ComplaintCategory, ComplaintContact, ComplaintSubject } from './complaints';
import { StaffRole } from './staff';
import { StaffTicketItem, TicketStatus } from './tickets';

// Central's staff console API (sessions by cookie). Routes are listed in docs/api.md.

/** Admin `POST /api/staff`. A publisher (and optionally a handler) belongs to a department. */
export const CreateStaffRequest = z
  .object({
    username: z.string().regex(/^[a-z0-9_.-]{2,32}$/, '用户名为2–32位小写字母、数字或 _ . -'),
    displayName: z.string().trim().min(1).max(32),
    role: StaffRole,
    department: z.string().trim().min(1).max(64).nullable().default(null),
    password: z.string().min(10, '密码至少10位').max(256),
  })
  .refine((s) => s.role !== 'publisher' || s.department !== null, { message: '发布员必须属于一个部门', path: ['department'] });
export type CreateStaffRequest = z.input<typeof CreateStaffRequest>;

/** `GET /api/tickets?limit=&offset=&status=&category=`. */
export const TicketListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: TicketStatus.optional(),
  category: z.string().max(32).optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

/** One event of a ticket's log as staff see it (internal notes included). */
export const StaffTicketEvent = z.object({
  at: IsoDateTime,
  actor: z.string(),
  kind: z.enum(['status', 'note', 'assign', 'reply', 'pause', 'resume']),
  status: TicketStatus.nullable(),
  publicNote: z.string().nullable(),
  internalNote: z.string().nullable(),
  handlingUnit: z.string().nullable(),
});
export type StaffTicketEvent = z.infer<typeof StaffTicketEvent>;

/** Staff `GET /api/tickets/:ticketNumber`. `contact` only for roles that handle complaints. */
export const StaffTicketDetail = StaffTicketItem.extend({
  receivedAt: IsoDateTime,
  handlingUnit: z.string().nullable(),
  subject: ComplaintSubject.partial({ title: true }).nullable(),
  relatedTicketNumber: z.string().nullable(),
  acknowledgeBy: IsoDate.nullable(),
  isAcknowledgeLate: z.boolean(),
  isReplyLate: z.boolean(),
  isPaused: z.boolean(),
  reply: z.string().nullable(),
  events: z.array(StaffTicketEvent),
  allowedStatuses: z.array(TicketStatus),
  /** Null when anonymous or when the viewer's role may not see it. */
  contact: ComplaintContact.nullable(),
  isContactHidden: z.boolean(),
});
export type StaffTicketDetail = z.infer<typeof StaffTicketDetail>;

/** Staff `POST /api/tickets/:ticketNumber/actions`: one step of handling. */
export const TicketAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('status'), status: TicketStatus, publicNote: z.string().trim().min(1).max(500).optional() }),
  z.object({ action: z.literal('assign'), handlingUnit: z.string().trim().min(1).max(64) }),
  z.object({ action: z.literal('note'), internalNote: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal('reply'), reply: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal('pause'), publicNote: z.string().trim().min(1).max(500).optional() }),
  z.object({ action: z.literal('resume') }),
]);
export type TicketAction = z.infer<typeof TicketAction>;

/** Staff `POST /api/tickets`: a complaint taken by phone or at the counter (kiosk number 0000). */
export const CreateStaffTicket = z
  .object({
    channel: z.enum(['phone', 'walk_in']),
    category: z.string().min(1).max(32),
    text: z.string().trim().min(1).max(2000),
    contact: ComplaintContact.optional(),
    subject: ComplaintSubject.optional(),
  });
export type CreateStaffTicket = z.infer<typeof CreateStaffTicket>;

/** `GET /api/tickets/deadlines?kind=due_soon|breached`. */
export const DeadlineListQuery = z.object({ kind: z.enum(['due_soon', 'breached']) });

/** One row of the audit log. */
export const AuditLogEntry = z.object({
  id: z.number().int().positive(),
  at: IsoDateTime,
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const StaffPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A complaint category with its deadlines in working days (admin `PUT /api/settings/complaint-categories`). */
export const TicketCategorySetting = ComplaintCategory.extend({
  acknowledgeDays: z.number().int().min(1).max(60),
  replyDays: z.number().int().min(1).max(120),
});
export type TicketCategorySetting = z.infer<typeof TicketCategorySetting>;

/** At most six categories fit one kiosk screen; codes are unique. */
export const TicketCategorySettings = z
  .array(TicketCategorySetting)
  .min(1)
  .max(6)
  .refine((list) => new Set(list.map((c) => c.code)).size === list.length, '类别代码不能重复')
  .refine((list) => list.every((c) => c.acknowledgeDays <= c.replyDays), '受理时限不能长于答复时限');

/** Admin `PATCH /api/staff/:username`: reset a password, or disable/enable an account. */
export const UpdateStaffRequest = z
  .object({
    password: z.string().min(10, '密码至少10位').max(256).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((u) => u.password !== undefined || u.disabled !== undefined, '请给出要修改的内容');
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>;
