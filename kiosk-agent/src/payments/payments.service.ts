import crypto from 'node:crypto';
import { AppError, checkIdNumber, type Payment, type PaymentsLookupResult, type ProgramTotal } from '@sunshine/contracts';

/** The published payments in the kiosk's cache, found only by the ID number's hash. */
export interface PaymentsReader {
  paymentsByIdHash(idHash: string): Payment[];
  /** The names of these programmes, in one read; a code the cache lacks is left out. */
  programNames(codes: string[]): Map<string, string>;
  villageName(code: string): string | null;
}

export interface PaymentsLookupDeps extends PaymentsReader {
  /** The county lookup key from enrolment (hex). */
  lookupKey: string;
}

export const NO_PAYMENTS_MESSAGE = '没有查到这个身份证号码的补贴发放记录。如有疑问，可以点“我要反映”。';

/** HMAC-SHA256 of a checked, normalised ID number: the same hash central publishes. */
export function hashIdNumber(idNumber: string, lookupKey: string): string {
  return crypto.createHmac('sha256', Buffer.from(lookupKey, 'hex')).update(idNumber).digest('hex');
}

/**
 * 查补贴: the person's payments newest first, with totals by programme. The plaintext ID
 * number lives only in this call: it is checked, hashed, and dropped.
 */
export function lookupPayments(deps: PaymentsLookupDeps, idNumber: string): PaymentsLookupResult {
  const checked = checkIdNumber(idNumber);
  if (!checked.ok) throw new AppError('invalid_id_number', checked.message, { reason: checked.reason });
  const payments = deps
    .paymentsByIdHash(hashIdNumber(checked.idNumber, deps.lookupKey))
    .sort((a, b) => b.paidDate.localeCompare(a.paidDate) || b.period.localeCompare(a.period) || a.id.localeCompare(b.id));
  const newest = payments[0];
  if (!newest) return { person: null, payments: [], totals: { byProgram: [], totalFen: 0 }, message: NO_PAYMENTS_MESSAGE };

  const names = deps.programNames([...new Set(payments.map((p) => p.programCode))]);
  const nameOf = (code: string) => names.get(code) ?? code;
  const byProgram = new Map<string, ProgramTotal>();
  for (const p of payments) {
    const total = byProgram.get(p.programCode) ?? { programCode: p.programCode, programName: nameOf(p.programCode), count: 0, totalFen: 0 };
    total.count++;
    total.totalFen += p.amountFen;
    byProgram.set(p.programCode, total);
  }
  return {
    person: { name: newest.recipientName, maskedId: newest.maskedId, villageName: deps.villageName(newest.villageCode) },
    payments: payments.map((p) => ({
      id: p.id,
      programCode: p.programCode,
      programName: nameOf(p.programCode),
      recipientName: p.recipientName,
      villageCode: p.villageCode,
      amountFen: p.amountFen,
      period: p.period,
      paidDate: p.paidDate,
      department: p.department,
    })),
    totals: { byProgram: [...byProgram.values()], totalFen: payments.reduce((s, p) => s + p.amountFen, 0) },
    message: null,
  };
}

/** 查补贴 over the kiosk's cache. */
export function createPaymentsService(deps: PaymentsLookupDeps) {
  return { lookup: (idNumber: string): PaymentsLookupResult => lookupPayments(deps, idNumber) };
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
