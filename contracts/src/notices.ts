import { z } from 'zod';
import { IsoDate, RecordMeta, ScopeCode } from './common';

/** 党务/政务/村务公开 */
export const NoticeCategory = z.enum(['party', 'government', 'village']);
export type NoticeCategory = z.infer<typeof NoticeCategory>;

export const Notice = RecordMeta.extend({
  title: z.string().min(1).max(200),
  body: z.string().min(1),
  category: NoticeCategory,
  scopeCode: ScopeCode,
  publishDate: IsoDate,
  expiryDate: IsoDate.nullable(),
});
export type Notice = z.infer<typeof Notice>;
