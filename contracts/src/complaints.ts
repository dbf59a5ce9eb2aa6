import { z } from 'zod';
import { IsoDateTime } from './common';
import { TicketNumber } from './ticket-number';

/** A complaint category the kiosk offers (at most six fit one screen). */
export const ComplaintCategory = z.object({
  code: z.string().regex(/^[a-z_]{2,32}$/),
  name: z.string().min(1).max(12),
});
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/** The categories a county starts with; central may configure others. */
export const DEFAULT_COMPLAINT_CATEGORIES: ComplaintCategory[] = [
  { code: 'subsidy', name: '补贴发放' },
  { code: 'project', name: '项目建设' },
  { code: 'finance', name: '村务财务' },
  { code: 'conduct', name: '干部作风' },
  { code: 'livelihood', name: '生活困难' },
  { code: 'other', name: '其他问题' },
];

/** Mainland mobile number, typed on the kiosk keypad. */
export const Phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号码应为11位数字，以1开头');

export const ComplaintContact = z.object({
  name: z.string().trim().min(1).max(32).optional(),
  phone: Phone.optional(),
});
export type ComplaintContact = z.infer<typeof ComplaintContact>;

/** What the villager was looking at when they pressed 对此有疑问. */
export const ComplaintSubject = z.object({
  kind: z.enum(['payment', 'project', 'finance_line', 'notice']),
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
});
export type ComplaintSubject = z.infer<typeof ComplaintSubject>;

/** Largest voice recording accepted, raw bytes (3 minutes of Opus is about 1.5 MB). */
export const MAX_AUDIO_BYTES = 4 * 1024 * 1024;

/** Decoded size of a base64 string: 3 bytes per 4 characters, less the `=` padding. */
const base64Bytes = (b: string) => (b.length / 4) * 3 - (b.endsWith('==') ? 2 : b.endsWith('=') ? 1 : 0);

export const ComplaintAudio = z.object({
  mime: z.enum(['audio/webm', 'audio/wav', 'audio/ogg']),
  /** base64 of the recording. */
  data: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'audio must be base64')
    .refine((b) => base64Bytes(b) <= MAX_AUDIO_BYTES, '录音太长了，请不超过3分钟'),
  durationSeconds: z.number().positive().max(200).optional(),
});
export type ComplaintAudio = z.infer<typeof ComplaintAudio>;

/** UI → agent: `POST /api/complaints`. Text, a recording, or both. */
export const CreateComplaint = z
  .object({
    category: z.string().min(1),
    text: z.string().trim().max(2000).optional(),
    audio: ComplaintAudio.optional(),
    contact: ComplaintContact.optional(),
    subject: ComplaintSubject.optional(),
    /** Adds to an open ticket about the same subject instead of opening a new one. */
    relatedTicketNumber: TicketNumber.optional(),
  })
  .refine((c) => Boolean(c.text) || Boolean(c.audio), { message: '请说一段话或写几个字，说明您要反映的问题', path: ['text'] });
export type CreateComplaint = z.infer<typeof CreateComplaint>;

/** The 4-digit query PIN printed on the receipt; needed to read the reply. */
export const Pin = z.string().regex(/^\d{4}$/, '查询密码是4位数字');

export const ComplaintCreated = z.object({ ticketNumber: TicketNumber, pin: Pin });
export type ComplaintCreated = z.infer<typeof ComplaintCreated>;

/**
 * Agent → central: one complaint from the outbox. Central accepts each ticket number once:
 * 201 the first time, 200 with the same answer for a replay.
 */
export const ComplaintIntake = CreateComplaint.safeExtend({
  ticketNumber: TicketNumber,
  pin: Pin,
  submittedAt: IsoDateTime,
});
export type ComplaintIntake = z.infer<typeof ComplaintIntake>;

export const ComplaintIntakeAck = z.object({ ticketNumber: TicketNumber, duplicate: z.boolean() });
export type ComplaintIntakeAck = z.infer<typeof ComplaintIntakeAck>;
