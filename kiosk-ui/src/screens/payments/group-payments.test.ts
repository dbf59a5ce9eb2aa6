import type { PaymentView } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { groupPayments } from './group-payments';

function buildPayment(overrides: Partial<PaymentView>): PaymentView {
  return { id: 'p', programCode: 'dibao', programName: '最低生活保障', recipientName: '张三', villageCode: '110105001001', amountFen: 100, period: '2025-01', paidDate: '2025-01-10', department: '民政局', ...overrides };
}

describe('groupPayments', () => {
  it('groups by programme then year, newest year first, with totals', () => {
    const groups = groupPayments([
      buildPayment({ id: '1', period: '2024-05', paidDate: '2024-05-10', amountFen: 300 }),
      buildPayment({ id: '2', period: '2025-02', paidDate: '2025-02-10', amountFen: 200 }),
      buildPayment({ id: '3', programCode: 'gengdi', programName: '耕地地力保护补贴', period: '2025', paidDate: '2025-06-01', amountFen: 5000 }),
      buildPayment({ id: '4', period: '2025-03', paidDate: '2025-03-10', amountFen: 200 }),
    ]);
    expect(groups.map((g) => g.programName)).toEqual(['耕地地力保护补贴', '最低生活保障']);
    const dibao = groups[1];
    expect(dibao?.totalFen).toBe(700);
    expect(dibao?.years.map((y) => [y.year, y.payments.length, y.totalFen])).toEqual([
      ['2025', 2, 400],
      ['2024', 1, 300],
    ]);
  });
});
