import { z } from 'zod';
import { Payment } from './payments';

/** UI → agent `POST /api/payments/lookup`. The ID is checked (check digit) by the agent. */
export const PaymentsLookup = z.object({ idNumber: z.string().max(32) });
export type PaymentsLookup = z.infer<typeof PaymentsLookup>;

export const PaymentView = Payment.pick({
  id: true,
  programCode: true,
  recipientName: true,
  villageCode: true,
  amountFen: true,
  period: true,
  paidDate: true,
  department: true,
}).extend({ programName: z.string() });
export type PaymentView = z.infer<typeof PaymentView>;

export const ProgramTotal = z.object({
  programCode: z.string(),
  programName: z.string(),
  count: z.number().int().nonnegative(),
  totalFen: z.number().int(),
});
export type ProgramTotal = z.infer<typeof ProgramTotal>;

/** The person's payments newest first, with totals by programme; person is null when none match. */
export const PaymentsLookupResult = z.object({
  person: z.object({ name: z.string(), maskedId: z.string(), villageName: z.string().nullable() }).nullable(),
  payments: z.array(PaymentView),
  totals: z.object({ byProgram: z.array(ProgramTotal), totalFen: z.number().int() }),
  /** A plain sentence for the villager when there is nothing to show. */
  message: z.string().nullable(),
});
export type PaymentsLookupResult = z.infer<typeof PaymentsLookupResult>;
