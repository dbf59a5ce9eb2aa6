import type { ComplaintStats, DeadlineStats, ProgressStats, TicketStatus, UsageStats } from '@sunshine/contracts';
import type { TicketEvent } from '../tickets/ticket-events';
import { complaintTown, createComplianceTally, dataProgress, mergeCounts, sumUsage, type CountRow, type ReplyDeadline, type UsageBeat } from './counting';

/** Complaints counted in the store, one GROUP BY per dimension; rows in any order. */
export interface ComplaintCounts {
  byCategory: CountRow[];
  byStatus: CountRow[];
  /** By the place kept on the ticket at intake (null for none). */
  byPlace: { placeCode: string | null; count: number }[];
  byKiosk: CountRow[];
}

/** One ticket's log, as deadlines are computed from it. */
export interface TicketLog {
  category: string;
  status: TicketStatus;
  /** Oldest first; empty for a ticket without events. */
  events: TicketEvent[];
}

/** What statistics read from the store (`statistics.repository`). */
export interface StatisticsReader {
  complaintCounts(): Promise<ComplaintCounts>;
  /** Every ticket with its event log, from one query over the events, a ticket at a time. */
  ticketLogs(): AsyncIterable<TicketLog>;
  /** Heartbeats' usage counters received since `from` (ISO time). */
  usageSince(from: string): AsyncIterable<UsageBeat>;
  livePrograms(): Promise<{ code: string; name: string; department: string }[]>;
  /** Live payments per programme for a period (`YYYY-MM`, or `YYYY` for the whole year). */
  paymentCountsByProgram(period: string): Promise<Map<string, number>>;
}

export interface StatisticsDeps {
  stats: StatisticsReader;
  /** A ticket's deadlines from its log: its category's days on the county's working-day calendar. */
  deadlinesOf: (ticket: { category: string }, events: readonly TicketEvent[]) => ReplyDeadline;
  now: () => Date;
}

type WithoutWarnings<T> = Omit<T, 'warnings'>;

/** Complaints by category, status, town (of the place kept at intake) and kiosk, largest first. */
export async function complaintStats(deps: Pick<StatisticsDeps, 'stats'>): Promise<WithoutWarnings<ComplaintStats>> {
  const counts = await deps.stats.complaintCounts();
  const byCategory = mergeCounts(counts.byCategory);
  return {
    total: byCategory.reduce((sum, row) => sum + row.count, 0),
    byCategory,
    byStatus: mergeCounts(counts.byStatus),
    // By where each complaint was made (kept at intake), not where its kiosk stands now.
    byTown: mergeCounts(counts.byPlace.map((row) => ({ key: complaintTown(row.placeCode), count: row.count }))),
    byKiosk: mergeCounts(counts.byKiosk),
  };
}

/** Reply-deadline compliance overall and by category (in code order), each ticket's deadlines from its log. */
export async function deadlineStats(deps: Pick<StatisticsDeps, 'stats' | 'deadlinesOf'>): Promise<WithoutWarnings<DeadlineStats>> {
  const overall = createComplianceTally();
  const byCategory = new Map<string, ReturnType<typeof createComplianceTally>>();
  for await (const log of deps.stats.ticketLogs()) {
    const deadlines = deps.deadlinesOf(log, log.events);
    overall.add(deadlines);
    const tally = byCategory.get(log.category) ?? createComplianceTally();
    tally.add(deadlines);
    byCategory.set(log.category, tally);
  }
  const inCodeOrder = [...byCategory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { overall: overall.result(), byCategory: inCodeOrder.map(([category, tally]) => ({ category, ...tally.result() })) };
}

/** Screen views over the last `days`, by screen and by kiosk. */
export async function usageStats(deps: Pick<StatisticsDeps, 'stats' | 'now'>, days: number): Promise<WithoutWarnings<UsageStats>> {
  const from = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
  return { days, ...(await sumUsage(deps.stats.usageSince(from))) };
}

/** Each live programme's payments published for `period`, and how many programmes have none. */
export async function progressStats(deps: Pick<StatisticsDeps, 'stats'>, period: string): Promise<WithoutWarnings<ProgressStats>> {
  const programs = dataProgress(await deps.stats.livePrograms(), await deps.stats.paymentCountsByProgram(period));
  return { period, programs, missing: programs.filter((p) => p.isMissing).length };
}
