import {
  readDigits,
  readFenChinese,
  readIntegerChinese,
  TICKET_STATUS_WORDS,
  type AgentTicket,
  type FinanceLine,
  type FinancePeriod,
  type Notice,
  type OpenTicketSummary,
  type PaymentsLookupResult,
  type PrintJob,
  type Project,
} from '@sunshine/contracts';
import { groupPayments } from '../screens/payments/group-payments';
import { readDateChinese, readPeriodChinese, readTicketNumber } from './read-numbers';

// What each screen says (docs/design.md §7, §14: speech covers instructions, prompts, input checks,
// errors and everything shown). Pure functions of what is on screen, unit-tested.

export const ID_PROMPT = '请用下面的数字键输入您的身份证号码，最后一位是X的，请按X键。输完后按“查询”。';

export function paymentsResultText(result: PaymentsLookupResult): string {
  if (result.person === null || result.payments.length === 0) {
    return result.message ?? '没有查到这个身份证号码的补贴记录。';
  }
  const groups = groupPayments(result.payments);
  const parts = [
    `${result.person.name}，您一共有${readIntegerChinese(result.payments.length)}笔补贴，合计${readFenChinese(result.totals.totalFen)}。`,
  ];
  for (const group of groups) {
    const years = group.years
      .map((y) => `${readPeriodChinese(y.year)}${readIntegerChinese(y.payments.length)}笔，${readFenChinese(y.totalFen)}`)
      .join('；');
    parts.push(`${group.programName}：${years}。`);
  }
  parts.push('需要纸质明细，请按“打印”。');
  return parts.join('');
}

export function printJobText(job: Pick<PrintJob, 'state' | 'reason'>): string {
  switch (job.state) {
    case 'queued':
      return '正在准备打印，请稍等。';
    case 'printing':
      return '正在打印，请在下方出纸口取走凭条。';
    case 'done':
      return '打印好了，请取走凭条。';
    case 'failed':
      return `打印没有成功。${(job.reason ?? '打印机暂时不能用').replace(/[。．.！!]+$/, '')}。您可以按“重试”，或者按“在屏幕上看”。`;
  }
}

export function ticketCreatedText(ticketNumber: string, pin: string): string {
  return (
    `您反映的问题已经收到。您的查询号是：${readTicketNumber(ticketNumber)}。` +
    `查询密码是：${readDigits(pin)}。请按“打印回执”把号码打印出来，凭查询号可以在任何一台一体机上查进度。`
  );
}

export function ticketStatusText(ticket: AgentTicket, today = new Date()): string {
  const parts = [`查询号${readTicketNumber(ticket.ticketNumber)}，${TICKET_STATUS_WORDS[ticket.status]}。`];
  if (ticket.pendingDelivery) parts.push('网络恢复后会自动上报，请放心。');
  if (ticket.expectedReplyBy !== null) {
    parts.push(`应在${readDateChinese(ticket.expectedReplyBy)}前答复。`);
    if (isTicketLate(ticket, today)) parts.push('已经超过答复期限，我们会督促办理。');
  }
  if (ticket.reply !== null) parts.push(`答复内容：${ticket.reply}`);
  else if (ticket.hasReply) parts.push('已经有答复，请输入回执上的四位查询密码查看。');
  return parts.join('');
}

/** Late by the agent's word, or past the expected date by the kiosk's own calendar. */
export function isTicketLate(ticket: Pick<AgentTicket, 'isLate' | 'expectedReplyBy'>, today = new Date()): boolean {
  if (ticket.isLate) return true;
  if (ticket.expectedReplyBy === null) return false;
  return ticket.expectedReplyBy < today.toISOString().slice(0, 10);
}

export function openTicketsText(tickets: readonly OpenTicketSummary[]): string {
  if (tickets.length === 0) return '';
  return (
    `这件事已经有${readIntegerChinese(tickets.length)}个人反映过，正在办理。` +
    '您可以选择“补充到已有反映”，也可以按“另外反映”。'
  );
}

export interface ComplaintDraftSummary {
  categoryName: string;
  text: string;
  hasRecording: boolean;
  recordingSeconds: number;
  phone: string;
  subjectTitle: string | null;
}

export function complaintConfirmText(draft: ComplaintDraftSummary): string {
  const parts = [`请确认。反映类别：${draft.categoryName}。`];
  if (draft.subjectTitle !== null) parts.push(`反映的事项：${draft.subjectTitle}。`);
  if (draft.hasRecording) parts.push(`有一段${readIntegerChinese(Math.max(1, Math.round(draft.recordingSeconds)))}秒的录音。`);
  if (draft.text !== '') parts.push(`文字内容：${draft.text}。`);
  parts.push(draft.phone === '' ? '不留姓名电话，匿名反映。' : `联系电话：${readDigits(draft.phone)}。`);
  parts.push('没有问题请按“确认提交”，要修改请按“返回修改”。');
  return parts.join('');
}

export function financeSummaryText(
  period: FinancePeriod,
  totals: readonly { category: string; direction: FinanceLine['direction']; totalFen: number }[],
): string {
  const income = totals.filter((t) => t.direction === 'income');
  const expense = totals.filter((t) => t.direction === 'expense');
  const list = (rows: typeof totals) => rows.map((r) => `${r.category}${readFenChinese(r.totalFen)}`).join('，');
  const parts = [`${readPeriodChinese(period.period)}村级财务。`];
  if (income.length > 0) parts.push(`收入：${list(income)}。`);
  if (expense.length > 0) parts.push(`支出：${list(expense)}。`);
  parts.push(`期初余额${readFenChinese(period.openingFen)}，期末余额${readFenChinese(period.closingFen)}。`);
  return parts.join('');
}

export function financeLinesText(lines: readonly FinanceLine[], page: number, pageCount: number): string {
  const read = lines
    .map((l) => `${readDateChinese(l.date)}，${l.direction === 'income' ? '收入' : '支出'}，${l.summary}，${readFenChinese(l.amountFen)}`)
    .join('；');
  return `明细第${readIntegerChinese(page)}页，共${readIntegerChinese(pageCount)}页。${read}。`;
}

const PROJECT_STATUS_WORDS: Record<Project['status'], string> = {
  planned: '还没开工',
  in_progress: '正在建设',
  completed: '已经完工',
};

export function projectStatusWords(project: Pick<Project, 'status' | 'progress'>): string {
  return project.status === 'in_progress'
    ? `${PROJECT_STATUS_WORDS.in_progress}，完成${project.progress}%`
    : PROJECT_STATUS_WORDS[project.status];
}

export function projectText(project: Project): string {
  const sources = project.fundSources.map((s) => `${s.source}${readFenChinese(s.amountFen)}`).join('，');
  const spent = project.spending.reduce((sum, line) => sum + line.amountFen, 0);
  const progress =
    project.status === 'in_progress'
      ? `正在建设，完成百分之${readIntegerChinese(project.progress)}`
      : PROJECT_STATUS_WORDS[project.status];
  return [
    `${project.name}。总投资${readFenChinese(project.budgetFen)}。`,
    sources === '' ? '' : `钱从哪里来：${sources}。`,
    `已经花了${readFenChinese(spent)}，共${readIntegerChinese(project.spending.length)}项。`,
    project.contractor === '' ? '' : `承建单位：${project.contractor}。`,
    `${progress}。`,
    project.outcome === '' ? '' : `效果：${project.outcome}。`,
  ].join('');
}

export function noticeText(notice: Notice): string {
  return `${notice.title}。发布日期${readDateChinese(notice.publishDate)}。${notice.body}`;
}

export const IDLE_PROMPT = '还在使用吗？如果还要用，请点一下屏幕。';
