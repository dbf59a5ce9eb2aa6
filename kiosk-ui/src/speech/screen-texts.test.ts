import type { AgentTicket, PaymentView, PaymentsLookupResult } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import {
  complaintConfirmText,
  financeLinesText,
  isTicketLate,
  paymentsResultText,
  printJobText,
  projectStatusWords,
  ticketCreatedText,
  ticketStatusText,
} from './screen-texts';

function buildPayment(overrides: Partial<PaymentView> = {}): PaymentView {
  return {
    id: 'p1',
    programCode: 'dibao',
    programName: '最低生活保障',
    recipientName: '张秀英',
    villageCode: '110105001001',
    amountFen: 45000,
    period: '2025-10',
    paidDate: '2025-10-15',
    department: '民政局',
    ...overrides,
  };
}

function buildTicket(overrides: Partial<AgentTicket> = {}): AgentTicket {
  return {
    ticketNumber: '004200001237',
    status: 'received',
    category: 'subsidy',
    submittedAt: '2026-11-20T08:00:00.000Z',
    expectedReplyBy: '2026-12-04',
    isLate: false,
    timeline: [],
    hasReply: false,
    reply: null,
    source: 'central',
    pendingDelivery: false,
    ...overrides,
  };
}

describe('payments result speech', () => {
  it('reads the total and each programme by year, amounts in Chinese', () => {
    const result: PaymentsLookupResult = {
      person: { name: '张秀英', maskedId: '110105********0021', villageName: '东村' },
      payments: [buildPayment(), buildPayment({ id: 'p2', amountFen: 12345, period: '2024-06', paidDate: '2024-06-10' })],
      totals: { byProgram: [], totalFen: 57345 },
      message: null,
    };
    const text = paymentsResultText(result);
    expect(text).toContain('一共有二笔补贴，合计五百七十三元四角五分');
    expect(text).toContain('最低生活保障：二零二五年一笔，四百五十元；二零二四年一笔，一百二十三元四角五分。');
  });
  it('says plainly when nothing was found', () => {
    const empty: PaymentsLookupResult = { person: null, payments: [], totals: { byProgram: [], totalFen: 0 }, message: null };
    expect(paymentsResultText(empty)).toBe('没有查到这个身份证号码的补贴记录。');
  });
});

describe('ticket speech', () => {
  it('reads a new ticket number digit by digit in groups, and the PIN', () => {
    expect(ticketCreatedText('004200001237', '0815')).toContain('零零四二，零零零零一二三，七。查询密码是：零八一五');
  });
  it('reads the status, the reply date and says when it is late', () => {
    const today = new Date('2026-12-10T00:00:00Z');
    const text = ticketStatusText(buildTicket(), today);
    expect(text).toContain('已收到，等待受理');
    expect(text).toContain('应在二零二六年十二月四日前答复');
    expect(text).toContain('已经超过答复期限');
    expect(isTicketLate(buildTicket(), new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
  it('asks for the PIN when a reply exists but is hidden', () => {
    expect(ticketStatusText(buildTicket({ hasReply: true, expectedReplyBy: null }))).toContain('四位查询密码');
  });
  it('reads the reply when the PIN was right', () => {
    expect(ticketStatusText(buildTicket({ hasReply: true, reply: '已核实发放。', expectedReplyBy: null }))).toContain('答复内容：已核实发放。');
  });
});

describe('other screens', () => {
  it('reads an anonymous confirm with a recording', () => {
    const text = complaintConfirmText({ categoryName: '补贴发放', text: '', hasRecording: true, recordingSeconds: 12, phone: '', subjectTitle: null });
    expect(text).toContain('有一段十二秒的录音');
    expect(text).toContain('匿名反映');
  });
  it('reads a phone number digit by digit', () => {
    const text = complaintConfirmText({ categoryName: '其他问题', text: '路灯坏了', hasRecording: false, recordingSeconds: 0, phone: '13800138000', subjectTitle: '村道路灯' });
    expect(text).toContain('联系电话：一三八零零一三八零零零');
    expect(text).toContain('反映的事项：村道路灯');
  });
  it('explains a print fault and what to do', () => {
    expect(printJobText({ state: 'failed', reason: '打印纸用完了' })).toContain('打印纸用完了。您可以按“重试”');
    expect(printJobText({ state: 'failed', reason: '没有纸了。' })).toContain('没有纸了。您可以');
  });
  it('reads finance lines with dates and amounts in Chinese', () => {
    const line = { id: 'l1', version: 1, updatedAt: '2026-10-01T00:00:00.000Z', sourceImportId: 'i', villageCode: '110105001001', period: '2026-10', date: '2026-10-01', direction: 'expense' as const, category: '办公费', summary: '购买路灯', amountFen: 120050, voucherNo: 'V1' };
    expect(financeLinesText([line], 1, 2)).toBe('明细第一页，共二页。二零二六年十月一日，支出，购买路灯，一千二百元五角。');
  });
  it('words project progress', () => {
    expect(projectStatusWords({ status: 'in_progress', progress: 60 })).toBe('正在建设，完成60%');
  });
});
