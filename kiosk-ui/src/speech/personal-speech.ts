import type { AgentTicket, PaymentsLookupResult } from '@sunshine/contracts';
import { personalSpeech, publicSpeech, type ScreenSpeech } from './screen-speech';
import {
  complaintConfirmText,
  paymentsResultText,
  ticketCreatedText,
  ticketStatusText,
  type ComplaintDraftSummary,
} from './screen-texts';

// The screens that show one villager's own data. Each reads its guidance on arrival and
// keeps the personal part for 朗读 (docs/design.md §7). What each hides is named in the
// privacy note, so the villager knows what 朗读 will say aloud.

export const PAYMENTS_PRIVATE = '姓名和金额';
export const REPLY_PRIVATE = '答复内容';
export const TICKET_PRIVATE = '查询号和查询密码';
export const CONFIRM_PRIVATE = '反映的内容和电话';

export function paymentsResultSpeech(result: PaymentsLookupResult): ScreenSpeech {
  const whole = paymentsResultText(result);
  if (result.person === null || result.payments.length === 0) return publicSpeech(whole);
  return personalSpeech('查到了您的补贴，列在屏幕上。需要纸质明细，请按“打印”。', PAYMENTS_PRIVATE, whole);
}

/** The status and deadline are not personal; the reply is. */
export function ticketStatusSpeech(ticket: AgentTicket, today = new Date()): ScreenSpeech {
  const whole = ticketStatusText(ticket, today);
  if (ticket.reply === null) return publicSpeech(whole);
  const status = ticketStatusText({ ...ticket, reply: null, hasReply: false }, today);
  return personalSpeech(`${status}答复显示在屏幕上。`, REPLY_PRIVATE, whole);
}

/** The PIN guards the reply: said aloud in a full hall it would guard nothing. */
export function ticketCreatedSpeech(ticketNumber: string, pin: string): ScreenSpeech {
  return personalSpeech(
    '您反映的问题已经收到。查询号和查询密码显示在屏幕上，请按“打印回执”把它们打印出来。',
    TICKET_PRIVATE,
    ticketCreatedText(ticketNumber, pin),
  );
}

export function complaintConfirmSpeech(draft: ComplaintDraftSummary): ScreenSpeech {
  return personalSpeech(
    '请核对屏幕上的内容。没有问题请按“确认提交”，要修改请按“返回修改”。',
    CONFIRM_PRIVATE,
    complaintConfirmText(draft),
  );
}
