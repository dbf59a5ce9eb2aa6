import crypto from 'node:crypto';
import { makeIdNumber, type Payment } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { hashIdNumber, lookupPayments, type PaymentsLookupDeps } from './payments.service';

const lookupKey = 'ab'.repeat(32);
const idNumber = makeIdNumber('452123', '1950-03-04', 17);

const payment = (id: string, paidDate: string, amountFen: number, programCode = 'dibao'): Payment => ({
  id,
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
  sourceImportId: 'imp',
  programCode,
  recipientName: '张三',
  maskedId: `452123********${idNumber.slice(14)}`,
  idHash: hashIdNumber(idNumber, lookupKey),
  villageCode: '452123100001',
  amountFen,
  period: paidDate.slice(0, 7),
  paidDate,
  department: '民政局',
});

function deps(payments: Payment[], seen: string[] = []): PaymentsLookupDeps {
  return {
    lookupKey,
    paymentsByIdHash: (hash) => {
      seen.push(hash);
      return payments.filter((p) => p.idHash === hash);
    },
    programNames: (codes) => new Map(codes.filter((c) => c === 'dibao').map((c) => [c, '最低生活保障'])),
    villageName: () => '东关村',
  };
}

describe('payments lookup', () => {
  it('hashes the ID with HMAC-SHA256 under the county key, never looking up the plaintext', () => {
    const seen: string[] = [];
    lookupPayments(deps([], seen), idNumber);
    expect(seen).toEqual([crypto.createHmac('sha256', Buffer.from(lookupKey, 'hex')).update(idNumber).digest('hex')]);
    expect(seen[0]).not.toContain(idNumber);
  });

  it('lists payments newest first with totals by programme', () => {
    const found = lookupPayments(deps([payment('a', '2026-01-05', 30000), payment('b', '2026-03-05', 30000), payment('c', '2026-02-01', 5000, 'gengdi')]), idNumber);
    expect(found.payments.map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(found.totals).toEqual({
      byProgram: [
        { programCode: 'dibao', programName: '最低生活保障', count: 2, totalFen: 60000 },
        { programCode: 'gengdi', programName: 'gengdi', count: 1, totalFen: 5000 },
      ],
      totalFen: 65000,
    });
    expect(found.person).toEqual({ name: '张三', maskedId: payment('a', '2026-01-05', 1).maskedId, villageName: '东关村' });
  });

  it('accepts a lower-case x and surrounding spaces as the same ID', () => {
    const withX = makeIdNumber('452123', '1950-03-04', 10);
    const typed = ` ${withX.toLowerCase()} `;
    expect(() => lookupPayments(deps([]), typed)).not.toThrow();
  });

  it('refuses a bad check digit with the plain message', () => {
    const bad = idNumber.slice(0, 17) + (idNumber.endsWith('1') ? '2' : '1');
    expect(() => lookupPayments(deps([]), bad)).toThrow(expect.objectContaining({ code: 'invalid_id_number' }));
  });
});
