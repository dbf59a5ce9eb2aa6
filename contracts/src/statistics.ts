import { z } from 'zod';
import { CountyWarning } from './calendar';
import { Period } from './common';

// Central's statistics for staff (the oversight screen, docs/design.md §9). Every list also
// comes as a CSV file with `?format=csv`; a JSON answer carries the county's `warnings` too.

/** `?format=`: JSON (default) or the same rows as a CSV file. */
export const StatsFormat = z.enum(['json', 'csv']).default('json');

export const StatsQuery = z.object({ format: StatsFormat });
export type StatsQuery = z.input<typeof StatsQuery>;

/** Heartbeats are kept 90 days, so days further back count nothing. */
export const UsageStatsQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30), format: StatsFormat });
export type UsageStatsQuery = z.input<typeof UsageStatsQuery>;

export const ProgressStatsQuery = z.object({ period: Period, format: StatsFormat });
export type ProgressStatsQuery = z.input<typeof ProgressStatsQuery>;

/** How many of something fall under one key; lists of these are largest first, ties by key. */
export const CountRow = z.object({ key: z.string(), count: z.number().int().nonnegative() });
export type CountRow = z.infer<typeof CountRow>;

const Warnings = z.array(CountyWarning);

export const ComplaintStats = z.object({
  total: z.number().int().nonnegative(),
  byCategory: z.array(CountRow),
  byStatus: z.array(CountRow),
  /** Town codes: the town of the place kept on the ticket at intake; `unknown` when it has none. */
  byTown: z.array(CountRow),
  byKiosk: z.array(CountRow),
  warnings: Warnings,
});
export type ComplaintStats = z.infer<typeof ComplaintStats>;

/** Reply-deadline compliance over a set of tickets. */
export const DeadlineCompliance = z.object({
  answered: z.number().int().nonnegative(),
  answeredOnTime: z.number().int().nonnegative(),
  answeredLate: z.number().int().nonnegative(),
  openOnTime: z.number().int().nonnegative(),
  openLate: z.number().int().nonnegative(),
  /** Share of answered tickets answered on time, 0..1; null when none is answered yet. */
  onTimeRate: z.number().min(0).max(1).nullable(),
});
export type DeadlineCompliance = z.infer<typeof DeadlineCompliance>;

export const CategoryDeadlineCompliance = z.object({ category: z.string() }).extend(DeadlineCompliance.shape);
export type CategoryDeadlineCompliance = z.infer<typeof CategoryDeadlineCompliance>;

export const DeadlineStats = z.object({ overall: DeadlineCompliance, byCategory: z.array(CategoryDeadlineCompliance), warnings: Warnings });
export type DeadlineStats = z.infer<typeof DeadlineStats>;

export const UsageStats = z.object({ days: z.number().int().positive(), byScreen: z.array(CountRow), byKiosk: z.array(CountRow), warnings: Warnings });
export type UsageStats = z.infer<typeof UsageStats>;

/** One programme's payments published for a period (数据进度); missing when there are none. */
export const ProgramProgress = z.object({
  department: z.string(),
  programCode: z.string(),
  programName: z.string(),
  payments: z.number().int().nonnegative(),
  isMissing: z.boolean(),
});
export type ProgramProgress = z.infer<typeof ProgramProgress>;

export const ProgressStats = z.object({ period: Period, programs: z.array(ProgramProgress), missing: z.number().int().nonnegative(), warnings: Warnings });
export type ProgressStats = z.infer<typeof ProgressStats>;
