import { formatTicketNumber } from '@sunshine/contracts';
import { leftRight, textWidth, wrap } from './columns';
import { formatDate, formatDateTime, printFen } from './format';
import type {
  Align,
  ComplaintReceiptModel,
  KioskStamp,
  PaymentStatementModel,
  ProjectSummaryModel,
  ReceiptLine,
  ReceiptModel,
  TestPageModel,
} from './receipt-model';

// Pure layout: a receipt model and the paper's column count in, printed lines out.
// Every text line is already wrapped and padded with the printer's own column math
// (a hanzi is two columns), so what the tests read is what the paper shows.

const text = (t: string, style: { align?: Align; bold?: boolean; size?: 1 | 2 } = {}): ReceiptLine => ({ kind: 'text', text: t, ...style });
const rule = (cols: number, char = '-'): ReceiptLine => text(char.repeat(cols));
const para = (t: string, cols: number): ReceiptLine[] => wrap(t, cols).map((l) => text(l));
const pair = (left: string, right: string, cols: number, bold = false): ReceiptLine[] =>
  leftRight(left, right, cols).map((l) => text(l, { bold }));

/** A big centred title; double size halves the columns available. */
function title(t: string, cols: number): ReceiptLine[] {
  return wrap(t, Math.floor(cols / 2)).map((l) => text(l, { align: 'center', bold: true, size: 2 }));
}

function stamp(model: KioskStamp, cols: number): ReceiptLine[] {
  const kiosk = [model.kiosk.number ? `${model.kiosk.number}号` : '', model.kiosk.name ?? ''].filter(Boolean).join(' ');
  return [...para(`一体机：${kiosk || '未登记'}`, cols), ...para(`打印时间：${formatDateTime(model.printedAt)}`, cols)];
}

function dataLine(data: { version: number; publishedAt: string | null }, cols: number): ReceiptLine[] {
  const when = data.publishedAt ? `，更新于${formatDateTime(data.publishedAt)}` : '';
  return para(`数据版本：第${data.version}版${when}`, cols);
}

/** Payment lines on one statement (newest first); older ones are only in the totals. */
export const MAX_STATEMENT_PAYMENTS = 40;

/** 缴费/补贴发放明细: who, each payment by programme and date, totals, data version, kiosk. */
export function paymentStatementLines(m: PaymentStatementModel, cols: number): ReceiptLine[] {
  const count = m.totals.byProgram.reduce((n, p) => n + p.count, 0);
  return [
    ...title('补贴发放明细', cols),
    rule(cols),
    ...para(`姓名：${m.person.name}`, cols),
    ...para(`身份证号：${m.person.maskedId}`, cols),
    ...(m.person.villageName ? para(`村（社区）：${m.person.villageName}`, cols) : []),
    rule(cols),
    ...pair('发放日期 项目', '金额', cols, true),
    ...m.payments.slice(0, MAX_STATEMENT_PAYMENTS).flatMap((p) => pair(`${formatDate(p.paidDate)} ${p.programName}`, printFen(p.amountFen), cols)),
    ...(m.payments.length > MAX_STATEMENT_PAYMENTS
      ? para(`另有${m.payments.length - MAX_STATEMENT_PAYMENTS}笔较早的发放已计入下面的合计，明细请在屏幕上查看。`, cols)
      : []),
    rule(cols),
    text('按项目合计', { bold: true }),
    ...m.totals.byProgram.flatMap((p) => pair(`${p.programName}（${p.count}笔）`, printFen(p.totalFen), cols)),
    ...pair(`总计（${count}笔）`, printFen(m.totals.totalFen), cols, true),
    rule(cols),
    ...dataLine(m.data, cols),
    ...stamp(m, cols),
    ...para('本明细供本人核对。如发现金额不对或没有收到，可以在一体机上点“我要反映”。', cols),
  ];
}

/** 反映问题回执: the ticket number large and grouped, its QR code, the PIN, what happens next. */
export function complaintReceiptLines(m: ComplaintReceiptModel, cols: number): ReceiptLine[] {
  // Central counts the deadline from the day it receives the complaint: before then there
  // is no date to promise, only when it will be known.
  const reply = m.expectedReplyBy
    ? `2. 最迟在${formatDate(m.expectedReplyBy)}前给您答复。`
    : m.isPendingDelivery
      ? '2. 这台一体机暂时联系不上县里，网络恢复后会自动上报。县里收到后，办理单位会在规定的工作日内给您答复，答复日期可以在“查进度”里看到。'
      : '2. 办理单位会在规定的工作日内给您答复，答复日期可以在“查进度”里看到。';
  return [
    ...title('反映问题回执', cols),
    rule(cols),
    text('查询号', { align: 'center' }),
    text(formatTicketNumber(m.ticketNumber), { align: 'center', bold: true, size: 2 }),
    { kind: 'qr', data: m.ticketNumber },
    text(`查询密码：${m.pin}`, { align: 'center', bold: true, size: 2 }),
    rule(cols),
    ...para(`反映类型：${m.categoryName}`, cols),
    ...para(`提交时间：${formatDateTime(m.submittedAt)}`, cols),
    rule(cols),
    text('接下来会怎样', { bold: true }),
    ...para('1. 您反映的问题已经记录，会转给负责的单位办理。', cols),
    ...para(reply, cols),
    text('怎样查进度', { bold: true }),
    ...para('在任何一台一体机上点“查进度”，输入或扫描上面的查询号，就能看到办理情况；看答复内容还要输入查询密码。', cols),
    ...para('请保管好这张回执，查询密码不要告诉别人。', cols),
    rule(cols),
    ...stamp(m, cols),
  ];
}

const FULL_WIDTH_SPACE = '\u3000';
const PROJECT_KIND = { livelihood: '民生项目', poverty_alleviation: '扶贫项目' } as const;
const PROJECT_STATUS = { planned: '计划中', in_progress: '实施中', completed: '已完工' } as const;
/** Spending lines beyond this are summed into one line: a receipt is not a ledger. */
export const MAX_SPENDING_LINES = 20;

/** 项目公开 summary: budget, where the money came from and where it went, status. */
export function projectSummaryLines(m: ProjectSummaryModel, cols: number): ReceiptLine[] {
  const shown = m.spending.slice(0, MAX_SPENDING_LINES);
  const rest = m.spending.slice(MAX_SPENDING_LINES);
  const spent = m.spending.reduce((sum, s) => sum + s.amountFen, 0);
  const period = `${formatDate(m.startDate)} 至 ${m.endDate ? formatDate(m.endDate) : '未定'}`;
  return [
    ...title('项目公开', cols),
    rule(cols),
    ...wrap(m.name, cols).map((l) => text(l, { bold: true })),
    ...para(`类别：${PROJECT_KIND[m.projectKind]}${FULL_WIDTH_SPACE}状态：${PROJECT_STATUS[m.status]}（进度${m.progress}%）`, cols),
    ...para(`主管部门：${m.department}`, cols),
    ...(m.contractor ? para(`承建单位：${m.contractor}`, cols) : []),
    ...para(`时间：${period}`, cols),
    ...pair('项目预算', printFen(m.budgetFen), cols, true),
    rule(cols),
    text('钱从哪里来', { bold: true }),
    ...m.fundSources.flatMap((f) => pair(f.source, printFen(f.amountFen), cols)),
    rule(cols),
    text('花到哪里去', { bold: true }),
    ...shown.flatMap((s) => pair(`${formatDate(s.date)} ${s.item}`, printFen(s.amountFen), cols)),
    ...(rest.length
      ? pair(`其余${rest.length}笔`, printFen(rest.reduce((sum, s) => sum + s.amountFen, 0)), cols)
      : []),
    ...pair('已支出合计', printFen(spent), cols, true),
    ...(m.outcome ? [rule(cols), text('项目成效', { bold: true }), ...para(m.outcome, cols)] : []),
    rule(cols),
    ...dataLine(m.data, cols),
    ...stamp(m, cols),
  ];
}

/** A staff test page: both alignments, a column ruler in ASCII and in hanzi, a QR code. */
export function testPageLines(m: TestPageModel, cols: number): ReceiptLine[] {
  const ruler = Array.from({ length: cols }, (_, i) => String((i + 1) % 10)).join('');
  const hanzi = '汉字宽两格'.repeat(Math.ceil(cols / 10)).slice(0, Math.floor(cols / 2));
  return [
    ...title('打印测试页', cols),
    rule(cols),
    text(ruler),
    text(hanzi),
    ...pair('左对齐', '右对齐', cols),
    text('居中', { align: 'center' }),
    ...pair('金额', printFen(123450), cols),
    { kind: 'qr', data: 'TEST' },
    rule(cols),
    ...stamp(m, cols),
  ];
}

/** The printed lines of any receipt model. */
export function layoutReceipt(model: ReceiptModel, cols: number): ReceiptLine[] {
  switch (model.kind) {
    case 'payment-statement':
      return paymentStatementLines(model, cols);
    case 'complaint-receipt':
      return complaintReceiptLines(model, cols);
    case 'project-summary':
      return projectSummaryLines(model, cols);
    case 'test-page':
      return testPageLines(model, cols);
  }
}

/** Widest text line in columns, counting double size: a check for tests and the test page. */
export function widestLine(lines: ReceiptLine[]): number {
  return Math.max(0, ...lines.map((l) => (l.kind === 'text' ? textWidth(l.text) * (l.size ?? 1) : 0)));
}
