import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './ticket-deadlines';
import { blankEvent, type TicketEvent } from './ticket-events';
import { loadCalendarFiles } from '../calendar/holidays-file';
import { WorkingCalendar } from '../calendar/working-days';

// The official calendars central ships (`central/calendars/*.json`).
const calendar = new WorkingCalendar(loadCalendarFiles(undefined).map((e) => e.calendar));
const days = { acknowledgeDays: 3, replyDays: 15 };
const status = (at: string, s: TicketEvent['status']): TicketEvent => ({ ...blankEvent(at, 'x', 'status'), status: s });

describe('ticket deadlines from the event log', () => {
  // Received Friday 2026-09-25 10:00 in the county (02:00Z): the Mid-Autumn and National Day holidays follow.
  const received = status('2026-09-25T02:00:00Z', 'received');

  it('counts working days across the holidays and the make-up Saturday', () => {
    const d = computeDeadlines([received], days, calendar, new Date('2026-09-26T00:00:00Z'));
    expect(d.acknowledgeBy).toBe('2026-09-30'); // 28, 29, 30 September
    expect(d.replyBy).toBe('2026-10-22'); // 3 in September, 8–10 (a make-up Saturday), 12–16, 19–22 October
    expect(d).toMatchObject({ isAcknowledgeLate: false, isReplyLate: false, isPaused: false });
  });

  it('skips the Spring Festival 2026 holidays and counts both make-up Saturdays', () => {
    // Received Friday 13 February: 14 February (Saturday) is worked, 15–23 are off, 28 February (Saturday) is worked.
    const d = computeDeadlines([status('2026-02-13T02:00:00Z', 'received')], days, calendar, new Date('2026-02-13T03:00:00Z'));
    expect(d.acknowledgeBy).toBe('2026-02-25'); // 14, 24, 25 February
    expect(d.replyBy).toBe('2026-03-12'); // 14, 24–28 February (6), 2–6 March (11), 9–12 March (15)
  });

  it('is late the day after the deadline, and on time when answered by then', () => {
    const late = computeDeadlines([received], days, calendar, new Date('2026-10-01T02:00:00Z'));
    expect(late.isAcknowledgeLate).toBe(true);
    const onTime = computeDeadlines([received, status('2026-09-30T09:00:00Z', 'accepted')], days, calendar, new Date('2026-10-20T00:00:00Z'));
    expect(onTime).toMatchObject({ isAcknowledgeLate: false, acknowledgedAt: '2026-09-30T09:00:00Z' });
  });

  it('moves the deadline by the working days spent waiting for the complainant', () => {
    const events = [
      received,
      status('2026-09-28T01:00:00Z', 'accepted'),
      { ...blankEvent('2026-10-12T01:00:00Z', 'x', 'pause') },
      { ...blankEvent('2026-10-14T01:00:00Z', 'x', 'resume') },
    ];
    const d = computeDeadlines(events, days, calendar, new Date('2026-10-15T00:00:00Z'));
    expect(d.replyBy).toBe('2026-10-26'); // two working days (12, 13 October) after 22 October
  });

  it('promises no date while it waits for the complainant', () => {
    const events = [received, { ...blankEvent('2026-09-28T01:00:00Z', 'x', 'pause') }];
    expect(computeDeadlines(events, days, calendar, new Date('2026-11-30T00:00:00Z'))).toMatchObject({ isPaused: true, replyBy: null, isReplyLate: false });
  });
});
