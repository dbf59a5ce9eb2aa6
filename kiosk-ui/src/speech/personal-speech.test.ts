import type { AgentTicket, PaymentsLookupResult } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import {
  complaintConfirmSpeech,
  paymentsResultSpeech,
  ticketCreatedSpeech,
  ticketStatusSpeech,
} from './personal-speech';
import { privateNoteText, privateSpeechText, publicSpeech } from './screen-speech';

const FOUND: PaymentsLookupResult = {
  person: { name: '张秀英', maskedId: '110105********0021', villageName: '东村' },
  payments: [
    {
      id: 'p1',
      programCode: 'dibao',
      programName: '最低生活保障',
      recipientName: '张秀英',
      villageCode: '110105001001',
      amountFen: 45000,
      period: '2025-10',
      paidDate: '2025-10-15',
      department: '民政局',
    },
  ],
  totals: { byProgram: [], totalFen: 45000 },
  message: null,
};

function buildTicket(overrides: Partial<AgentTicket> = {}): AgentTicket {
  return {
    ticketNumber: '004200001237',
    status: 'replied',
    category: 'subsidy',
    submittedAt: '2026-11-20T08:00:00.000Z',
    expectedReplyBy: '2026-12-04',
    isLate: false,
    timeline: [],
    hasReply: true,
    reply: null,
    source: 'central',
    pendingDelivery: false,
    ...overrides,
  };
}

describe('speech of personal screens', () => {
  it('reads a payments result without the name or the total on arrival, and with both on 朗读', () => {
    const speech = paymentsResultSpeech(FOUND);
    expect(speech.onArrival).not.toContain('张秀英');
    expect(speech.onArrival).not.toContain('四百五十元');
    expect(speech.onArrival).toContain('姓名和金额不会自动读出来。要听，请按下方的“朗读”');
    expect(speech.onRequest).toContain('张秀英，您一共有一笔补贴，合计四百五十元');
  });

  it('reads "nothing found" on arrival: there is nothing personal in it', () => {
    const empty: PaymentsLookupResult = { person: null, payments: [], totals: { byProgram: [], totalFen: 0 }, message: null };
    expect(paymentsResultSpeech(empty)).toEqual(publicSpeech('没有查到这个身份证号码的补贴记录。'));
  });

  it('reads a ticket\'s status on arrival, and its reply only on 朗读', () => {
    const speech = ticketStatusSpeech(buildTicket({ reply: '补贴已于本月补发。' }), new Date('2026-11-25'));
    expect(speech.onArrival).toContain('已答复');
    expect(speech.onArrival).toContain('答复显示在屏幕上');
    expect(speech.onArrival).not.toContain('补贴已于本月补发');
    expect(speech.onRequest).toContain('答复内容：补贴已于本月补发。');
  });

  it('reads a ticket without a reply wholly on arrival', () => {
    const ticket = buildTicket();
    const speech = ticketStatusSpeech(ticket, new Date('2026-11-25'));
    expect(speech.onArrival).toBe(speech.onRequest);
    expect(speech.onArrival).toContain('请输入回执上的四位查询密码查看');
  });

  it('keeps a new ticket\'s number and PIN for 朗读', () => {
    const speech = ticketCreatedSpeech('004200001237', '6760');
    expect(speech.onArrival).not.toContain('六七六零');
    expect(speech.onArrival).not.toContain('零零四二');
    expect(speech.onArrival).toContain('请按“打印回执”');
    expect(speech.onRequest).toContain('查询密码是：六七六零');
  });

  it('keeps the words and the phone of a complaint for 朗读', () => {
    const speech = complaintConfirmSpeech({
      categoryName: '补贴发放',
      text: '补贴没有收到',
      hasRecording: false,
      recordingSeconds: 0,
      phone: '13800138000',
      subjectTitle: '最低生活保障 2025年10月 ¥450.00',
    });
    expect(speech.onArrival).not.toMatch(/补贴没有收到|一三八|¥450/);
    expect(speech.onArrival).toContain('请核对屏幕上的内容');
    expect(speech.onRequest).toContain('联系电话：一三八零零一三八零零零');
  });

  it('names what is kept back and suggests an earphone, on screen and aloud', () => {
    expect(privateNoteText('姓名和金额')).toBe('姓名和金额不自动朗读，要听请按“朗读”；如有耳机，请先插上。');
    expect(privateSpeechText('姓名和金额')).toBe(
      '为了保护您的隐私，姓名和金额不会自动读出来。要听，请按下方的“朗读”；如有耳机，可以先插上耳机。',
    );
  });
});
