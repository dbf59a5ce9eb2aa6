import { z } from 'zod';
import { IsoDate, NonNegativeFen, Period, VillageCode } from './common';
import { FinanceLine, FinancePeriod } from './finance';
import { Town, Village } from './geography';
import { Notice } from './notices';
import { Policy, Program } from './payments';
import { Project } from './projects';

/**
 * The synthetic county on disk (`npm run gen`): one CSV per table with a header row of
 * field names, plus `manifest.json`. The CSV rows are what a department would upload.
 */
export const CountyFile = {
  towns: 'towns.csv',
  villages: 'villages.csv',
  programs: 'programs.csv',
  payments: 'payments.csv',
  projects: 'projects.csv',
  projectFunds: 'project-funds.csv',
  projectSpending: 'project-spending.csv',
  financePeriods: 'finance-periods.csv',
  financeLines: 'finance-lines.csv',
  notices: 'notices.csv',
  policies: 'policies.csv',
  people: 'registry-people.csv',
  deaths: 'registry-deaths.csv',
  vehicles: 'registry-vehicles.csv',
  property: 'registry-property.csv',
  officials: 'registry-officials.csv',
  businesses: 'registry-businesses.csv',
  poverty: 'registry-poverty.csv',
} as const;

const meta = { version: true, updatedAt: true, sourceImportId: true } as const;
const fen = z.coerce.number().pipe(NonNegativeFen);

/** A payment as a department uploads it: with the plaintext ID number. */
export const PaymentRow = z.object({
  id: z.string().min(1),
  programCode: z.string().min(1),
  recipientName: z.string().min(1),
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  villageCode: VillageCode,
  amountFen: fen,
  period: Period,
  paidDate: IsoDate,
  department: z.string().min(1),
});
export type PaymentRow = z.infer<typeof PaymentRow>;


// Rows of the other content files: the published record without the fields central
// assigns on import (version, updatedAt, sourceImportId); numbers arrive as CSV text.
export const TownRow = Town.omit(meta);
export const VillageRow = Village.omit(meta);
export const ProgramRow = Program.omit(meta);
export const PolicyRow = Policy.omit(meta);
export const NoticeRow = Notice.omit(meta).extend({ expiryDate: IsoDate.or(z.literal('')).transform((d) => d || null) });
export const ProjectRow = Project.omit({ ...meta, fundSources: true, spending: true, attachments: true }).extend({
  budgetFen: fen,
  progress: z.coerce.number().int().min(0).max(100),
  endDate: IsoDate.or(z.literal('')).transform((d) => d || null),
});
export const ProjectFundRow = z.object({ projectId: z.string().min(1), source: z.string().min(1), amountFen: fen });
export const ProjectSpendingRow = z.object({ projectId: z.string().min(1), item: z.string().min(1), amountFen: fen, date: IsoDate });
export const FinancePeriodRow = FinancePeriod.omit(meta).extend({
  openingFen: z.coerce.number().int(),
  closingFen: z.coerce.number().int(),
});
export const FinanceLineRow = FinanceLine.omit(meta).extend({ amountFen: fen });
export type TownRow = z.infer<typeof TownRow>;
export type VillageRow = z.infer<typeof VillageRow>;
export type ProgramRow = z.infer<typeof ProgramRow>;
export type PolicyRow = z.infer<typeof PolicyRow>;
export type NoticeRow = z.infer<typeof NoticeRow>;
export type ProjectRow = z.infer<typeof ProjectRow>;
export type ProjectFundRow = z.infer<typeof ProjectFundRow>;
export type ProjectSpendingRow = z.infer<typeof ProjectSpendingRow>;
export type FinancePeriodRow = z.infer<typeof FinancePeriodRow>;
export type FinanceLineRow = z.infer<typeof FinanceLineRow>;

/** The kinds of planted anomaly, one per cross-check rule of docs/design.md §10. */
export const AnomalyKind = z.enum([
  'paid_after_death',
  'poverty_household_vehicle',
  'poverty_household_commercial_property',
  'official_household_low_income',
  'business_owner_low_income',
  'mutually_exclusive_programs',
]);
export type AnomalyKind = z.infer<typeof AnomalyKind>;

export const PlantedAnomaly = z.object({
  kind: AnomalyKind,
  idNumber: z.string(),
  name: z.string(),
  /** Payment ids that the rule should cite as evidence. */
  paymentIds: z.array(z.string()),
  note: z.string(),
});
export type PlantedAnomaly = z.infer<typeof PlantedAnomaly>;

export const CountyScale = z.enum(['tiny', 'demo', 'county']);
export type CountyScale = z.infer<typeof CountyScale>;

/** `DIR/manifest.json` of a generated county. */
export const CountyManifest = z.object({
  scale: CountyScale,
  seed: z.number().int(),
  /** The county's "today": the newest date in the data. Fixed by the seed, so output is deterministic. */
  asOf: IsoDate,
  county: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string() }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  samplePeople: z.array(z.object({ idNumber: z.string(), name: z.string() })),
  anomalies: z.array(PlantedAnomaly),
});
export type CountyManifest = z.infer<typeof CountyManifest>;
