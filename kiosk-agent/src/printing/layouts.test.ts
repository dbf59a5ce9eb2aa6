import { describe, expect, it } from 'vitest';
import { textWidth } from './columns';
import { complaintReceiptLines, layoutReceipt, paymentStatementLines, projectSummaryLines, widestLine } from './layouts';
import type { ComplaintReceiptModel, PaymentStatementModel, ProjectSummaryModel, ReceiptLine } from './receipt-model';

const stamp = { kiosk: { number: '0042', name: '那坡村便民服务点' }, printedAt: '2026-11-26T02:05:00.000Z' };
const statement: PaymentStatementModel = {
  kind: 'payment-statement',
  ...stamp,
  person: { name: '韦秀英', maskedId: '452123********1230', villageName: '那坡村' },
  payments: Array.from({ length: 12 }, (_, i) => ({ programName: i % 2 ? '耕地地力保护补贴' : '城乡居民基本养老保险', paidDate: `2026-${String(i + 1).padStart(2, '0')}-15`, period: '2026', amountFen: 10000 + i })),
  totals: { byProgram: [{ programName: '城乡居民基本养老保险', count: 6, totalFen: 60030 }, { programName: '耕地地力保护补贴', count: 6, totalFen: 60036 }], totalFen: 120066 },
  data: { version: 5, publishedAt: null },
};
const complaint: ComplaintReceiptModel = { kind: 'complaint-receipt', ...stamp, ticketNumber: '004200001231', pin: '0917', categoryName: '其他问题', submittedAt: '2026-11-26T02:00:00.000Z', expectedReplyBy: null, isPendingDelivery: false };
const project: ProjectSummaryModel = {
  kind: 'project-summary', ...stamp, name: '村道硬化', projectKind: 'poverty_alleviation', status: 'completed', progress: 100, budgetFen: 100000,
  fundSources: [{ source: '衔接资金', amountFen: 100000 }],
  spending: Array.from({ length: 25 }, (_, i) => ({ item: `材料${i + 1}`, amountFen: 100, date: '2026-01-01' })),
  contractor: '', department: '交通局', startDate: '2026-01-01', endDate: '2026-06-30', outcome: '', data: { version: 5, publishedAt: null },
};
const texts = (lines: ReceiptLine[]) => lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));

describe('receipt layouts', () => {
  for (const cols of [32, 48]) {
    it(`fits every receipt into ${cols} columns, double size counted twice`, () => {
      for (const model of [statement, complaint, project, { kind: 'test-page' as const, ...stamp }]) {
        expect(widestLine(layoutReceipt(model, cols))).toBeLessThanOrEqual(cols);
      }
    });
  }

  it('lists each payment with its date, programme and amount, then the totals', () => {
    const lines = texts(paymentStatementLines(statement, 48));
    expect(lines).toContain(`2026-01-15 城乡居民基本养老保险${' '.repeat(48 - textWidth('2026-01-15 城乡居民基本养老保险') - textWidth('￥100.00'))}￥100.00`);
    expect(lines.some((l) => /^总计（12笔） +￥1,200\.66$/.test(l))).toBe(true);
    expect(lines).toContain('打印时间：2026-11-26 10:05');
    expect(lines.join('\n')).toContain('452123********1230');
  });

  it('prints the newest 40 payments and counts the older ones in the totals', () => {
    const many = { ...statement, payments: Array.from({ length: 45 }, (_, i) => ({ ...statement.payments[0], programName: '养老金', paidDate: '2026-01-01', period: '2026', amountFen: 100 + i })) };
    const lines = texts(paymentStatementLines(many, 48));
    expect(lines.filter((l) => l.startsWith('2026-01-01 养老金'))).toHaveLength(40);
    expect(lines.join('')).toContain('另有5笔较早的发放已计入下面的合计');
  });

  it('shows the ticket number grouped and large, with an ASCII QR code of the number', () => {
    const lines = complaintReceiptLines(complaint, 32);
    expect(lines).toContainEqual({ kind: 'text', text: '0042 0000123 1', align: 'center', bold: true, size: 2 });
    expect(lines).toContainEqual({ kind: 'qr', data: '004200001231' });
    expect(texts(lines)).toContain('2. 办理单位会在规定的工作日内给');
  });

  it('gives central’s reply-by date, or says the clock starts when the county receives the complaint', () => {
    const dated = texts(complaintReceiptLines({ ...complaint, expectedReplyBy: '2026-12-17' }, 48)).join('');
    expect(dated).toContain('最迟在2026-12-17前给您答复');
    const waiting = texts(complaintReceiptLines({ ...complaint, isPendingDelivery: true }, 48)).join('');
    expect(waiting).toContain('网络恢复后会自动上报');
    expect(waiting).toContain('县里收到后，办理单位会在规定的工作日内给您答复');
  });

  it('sums spending lines past the twentieth into one line', () => {
    const lines = texts(projectSummaryLines(project, 48));
    expect(lines.filter((l) => l.startsWith('2026-01-01 材料'))).toHaveLength(20);
    expect(lines.some((l) => /^其余5笔 +￥5\.00$/.test(l))).toBe(true);
    expect(lines.some((l) => /^已支出合计 +￥25\.00$/.test(l))).toBe(true);
  });
});
