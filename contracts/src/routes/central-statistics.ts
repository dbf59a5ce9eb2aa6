import { defineRoute } from '../route';
import { ComplaintStats, DeadlineStats, ProgressStats, ProgressStatsQuery, StatsQuery, UsageStats, UsageStatsQuery } from '../statistics';

/**
 * Statistics for the oversight screen. Every JSON answer also carries the county's
 * `warnings` (a missing working-day calendar); `?format=csv` answers the rows as a CSV file
 * (UTF-8 with BOM, formula-safe) without them.
 */
export const statisticsApi = {
  complaints: defineRoute({
    method: 'GET',
    path: '/api/stats/complaints',
    summary:
      'Complaints counted by category, status, town and kiosk, largest first. `byTown` keys are town codes: the town of the place kept on the ticket at intake — its subject\'s village (or town-level scope), else the village its kiosk stood in then (a kiosk moved later leaves its older complaints where they were); `unknown` for neither (a staff ticket without subject). CSV: `dimension,key,count`',
    access: { kind: 'staff', permission: 'stats:read' },
    query: StatsQuery,
    response: ComplaintStats,
  }),
  deadlines: defineRoute({
    method: 'GET',
    path: '/api/stats/deadlines',
    summary:
      "Reply deadlines kept, overall and by category: answered on time or late, open and on time or already late, the on-time rate of the answered (deadlines from each ticket's event log, in working days). CSV: the categories, `category,answered,answeredOnTime,answeredLate,openOnTime,openLate,onTimeRate`",
    access: { kind: 'staff', permission: 'stats:read' },
    query: StatsQuery,
    response: DeadlineStats,
  }),
  usage: defineRoute({
    method: 'GET',
    path: '/api/stats/usage',
    summary:
      'Kiosk screen views over the last `days` (1–366, default 30; heartbeats are kept 90 days), by screen and by kiosk. 400 `bad_request` for `days` out of bounds. CSV: `dimension,key,count`',
    access: { kind: 'staff', permission: 'stats:read' },
    query: UsageStatsQuery,
    response: UsageStats,
  }),
  progress: defineRoute({
    method: 'GET',
    path: '/api/stats/progress',
    summary:
      'For a `period` (`YYYY-MM`, or `YYYY` for the whole year), each live programme with its published payments, and how many have none (数据进度). 400 `bad_request` for a malformed period. CSV: `department,programCode,programName,payments,isMissing`',
    access: { kind: 'staff', permission: 'stats:read' },
    query: ProgressStatsQuery,
    response: ProgressStats,
  }),
} as const;
