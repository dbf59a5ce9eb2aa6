import { z } from 'zod';
import { Fen, IsoDate, NonNegativeFen, Period, RecordMeta, VillageCode } from './common';

/** 村级财务: one village's books for one month, with its opening and closing balance. */
export const FinancePeriod = RecordMeta.extend({
  villageCode: VillageCode,
  period: Period,
  openingFen: Fen,
  closingFen: Fen,
});
export type FinancePeriod = z.infer<typeof FinancePeriod>;

/** One income or expense line of a village's books. */
export const FinanceLine = RecordMeta.extend({
  villageCode: VillageCode,
  period: Period,
  date: IsoDate,
  direction: z.enum(['income', 'expense']),
  category: z.string().min(1),
  summary: z.string().min(1),
  amountFen: NonNegativeFen,
  voucherNo: z.string(),
});
export type FinanceLine = z.infer<typeof FinanceLine>;
