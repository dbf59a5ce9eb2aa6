import type { TicketStatus } from '@sunshine/contracts';
import type { TicketEvent } from './ticket-events';
import { chinaDate, nextDate, type WorkingCalendar } from '../calendar/working-days';

export interface TicketDeadlines {
  acknowledgeBy: string | null;
  acknowledgedAt: string | null;
  replyBy: string | null;
  repliedAt: string | null;
  /** Waiting for the complainant: the clock is stopped and no date can be promised. */
  isPaused: boolean;
  isAcknowledgeLate: boolean;
  isReplyLate: boolean;
}

const ACKNOWLEDGED: readonly TicketStatus[] = ['accepted', 'in_progress', 'replied', 'closed', 'duplicate', 'not_our_responsibility'];
const ANSWERED: readonly TicketStatus[] = ['replied', 'closed', 'duplicate', 'not_our_responsibility'];

/**
 * Deadlines from the event log: the clock starts on the day central received the ticket,
 * counts working days only, and stops on every day the ticket waited for the complainant.
 */
export function computeDeadlines(
  events: readonly TicketEvent[],
  days: { acknowledgeDays: number; replyDays: number },
  calendar: WorkingCalendar,
  now: Date,
): TicketDeadlines {
  const start = events[0];
  const firstStatus = (set: readonly TicketStatus[]) => events.find((e) => e.kind === 'status' && e.status !== null && set.includes(e.status))?.at ?? null;
  const acknowledgedAt = firstStatus(ACKNOWLEDGED);
  const repliedAt = firstStatus(ANSWERED);
  const { paused, isPaused } = pausedDates(events, now);
  if (!start || isPaused) {
    return { acknowledgeBy: null, acknowledgedAt, replyBy: null, repliedAt, isPaused, isAcknowledgeLate: false, isReplyLate: false };
  }
  const startDate = chinaDate(start.at);
  const acknowledgeBy = calendar.addWorkingDays(startDate, days.acknowledgeDays, paused);
  const replyBy = calendar.addWorkingDays(startDate, days.replyDays, paused);
  const late = (doneAt: string | null, by: string) => (doneAt ? chinaDate(doneAt) : chinaDate(now)) > by;
  return {
    acknowledgeBy,
    acknowledgedAt,
    replyBy,
    repliedAt,
    isPaused,
    isAcknowledgeLate: late(acknowledgedAt, acknowledgeBy),
    isReplyLate: late(repliedAt, replyBy),
  };
}

function pausedDates(events: readonly TicketEvent[], now: Date): { paused: Set<string>; isPaused: boolean } {
  const paused = new Set<string>();
  let since: string | null = null;
  for (const e of events) {
    if (e.kind === 'pause' && since === null) since = e.at;
    if (e.kind === 'resume' && since !== null) {
      addDates(paused, chinaDate(since), chinaDate(e.at));
      since = null;
    }
  }
  if (since !== null) addDates(paused, chinaDate(since), chinaDate(now));
  return { paused, isPaused: since !== null };
}

/** Dates from `from` up to, not including, `to`: a pause and resume on one day stops nothing. */
function addDates(set: Set<string>, from: string, to: string): void {
  for (let d = from; d < to; d = nextDate(d)) set.add(d);
}
