import { z } from 'zod';
import { IsoDate, NonNegativeFen, RecordMeta, ScopeCode } from './common';

/** A content-addressed media blob (photo, PDF, scan), fetched by sha256. */
export const Attachment = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1),
  mime: z.string().min(1),
  bytes: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof Attachment>;

/** 钱从哪里来 */
export const FundSource = z.object({ source: z.string().min(1), amountFen: NonNegativeFen });
export type FundSource = z.infer<typeof FundSource>;

/** 花到哪里去 */
export const SpendingLine = z.object({ item: z.string().min(1), amountFen: NonNegativeFen, date: IsoDate });
export type SpendingLine = z.infer<typeof SpendingLine>;

export const ProjectStatus = z.enum(['planned', 'in_progress', 'completed']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** 项目公开 (民生/扶贫). `scopeCode` is the village, town or county it serves. */
export const Project = RecordMeta.extend({
  name: z.string().min(1),
  kind: z.enum(['livelihood', 'poverty_alleviation']),
  scopeCode: ScopeCode,
  budgetFen: NonNegativeFen,
  fundSources: z.array(FundSource),
  spending: z.array(SpendingLine),
  contractor: z.string(),
  status: ProjectStatus,
  progress: z.number().int().min(0).max(100),
  outcome: z.string(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  department: z.string().min(1),
  attachments: z.array(Attachment),
});
export type Project = z.infer<typeof Project>;
