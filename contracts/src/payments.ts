import { z } from 'zod';
import { IsoDate, NonNegativeFen, Period, RecordMeta, VillageCode } from './common';

/** A subsidy programme, e.g. 最低生活保障. `id` equals `code`. */
export const Program = RecordMeta.extend({
  code: z.string().regex(/^[a-z0-9-]{2,32}$/),
  name: z.string().min(1),
  department: z.string().min(1),
});
export type Program = z.infer<typeof Program>;

/**
 * 民生资金发放: one payment to one person, as published to kiosks.
 * Kiosks never hold the plaintext ID number, only its HMAC with the county lookup key.
 */
export const Payment = RecordMeta.extend({
  programCode: z.string().min(1),
  recipientName: z.string().min(1).max(32),
  maskedId: z.string().length(18),
  idHash: z.string().regex(/^[0-9a-f]{64}$/),
  villageCode: VillageCode,
  amountFen: NonNegativeFen,
  period: Period,
  paidDate: IsoDate,
  department: z.string().min(1),
});
export type Payment = z.infer<typeof Payment>;

/** 政策解读: a plain-language explanation of one programme. */
export const Policy = RecordMeta.extend({
  programCode: z.string().min(1),
  title: z.string().min(1),
  body: z.string().min(1),
});
export type Policy = z.infer<typeof Policy>;
