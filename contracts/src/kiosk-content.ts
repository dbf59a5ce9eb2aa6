import { z } from 'zod';
import { Fen, NonNegativeFen, Period, VillageCode } from './common';
import { FinanceLine, FinancePeriod } from './finance';
import { Village } from './geography';
import { Notice, NoticeCategory } from './notices';
import { Policy } from './payments';
import { Project } from './projects';

// What the kiosk agent serves to its UI from the local cache (docs/api.md, agent section).
// Lists are paged with big 上一页/下一页 buttons: `page` counts from 1, `pageSize` is fixed.

/** Lines per page on every kiosk list (elderly-first: few, large rows). */
export const KIOSK_PAGE_SIZE = 10;

/** `?page=` of every list; a missing page is the first one. */
export const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items with its position, so the UI can show "第 2 页，共 5 页". */
export const KioskPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: z.number().int().positive(),
  });

/** How close a record is to this kiosk: its own village, its town, or the whole county. */
export const ScopeLevel = z.enum(['village', 'town', 'county', 'other']);
export type ScopeLevel = z.infer<typeof ScopeLevel>;

/** `GET /api/notices?category=&page=&scope=local|all`: newest first; `local` = this village, its town and the county. */
export const NoticeQuery = PageQuery.extend({
  category: NoticeCategory.optional(),
  scope: z.enum(['local', 'all']).default('local'),
});
export type NoticeQuery = z.infer<typeof NoticeQuery>;
export const NoticeList = KioskPage(Notice);
export type NoticeList = z.infer<typeof NoticeList>;

/** A project with what has been spent so far (sum of its spending lines) and its distance. */
export const ProjectView = Project.extend({ spentFen: NonNegativeFen, scopeLevel: ScopeLevel });
export type ProjectView = z.infer<typeof ProjectView>;
/** `GET /api/projects?page=`: this village's projects first, then its town's, then the county's. */
export const ProjectList = KioskPage(ProjectView);
export type ProjectList = z.infer<typeof ProjectList>;

/** `GET /api/finance/:villageCode/periods`: newest period first. */
export const FinancePeriodList = z.object({ villageCode: VillageCode, villageName: z.string(), items: z.array(FinancePeriod) });
export type FinancePeriodList = z.infer<typeof FinancePeriodList>;

/** One category's total within a village period, e.g. 办公费 ￥1,234.00. */
export const FinanceCategoryTotal = z.object({
  direction: z.enum(['income', 'expense']),
  category: z.string(),
  count: z.number().int().nonnegative(),
  totalFen: NonNegativeFen,
});
export type FinanceCategoryTotal = z.infer<typeof FinanceCategoryTotal>;

/**
 * `GET /api/finance/:villageCode/:period?page=`: 村级财务 for one village and period —
 * totals by category first, then one page of lines by date, then the balance.
 */
export const FinanceBook = KioskPage(FinanceLine).extend({
  villageCode: VillageCode,
  villageName: z.string(),
  period: FinancePeriod,
  totals: z.object({
    byCategory: z.array(FinanceCategoryTotal),
    incomeFen: NonNegativeFen,
    expenseFen: NonNegativeFen,
  }),
  /** closing − opening, as published. */
  changeFen: Fen,
  /** The same lines again under the name the first UI build reads. */
  lines: z.array(FinanceLine),
});
export type FinanceBook = z.infer<typeof FinanceBook>;
export const FinanceBookQuery = PageQuery.extend({ period: Period });

/** `GET /api/villages`: every village with its town's name; `kioskVillageCode` is this kiosk's own. */
export const VillageList = z.object({
  kioskVillageCode: VillageCode.nullable(),
  items: z.array(Village.extend({ townName: z.string() })),
});
export type VillageList = z.infer<typeof VillageList>;

/** `GET /api/policies/:programCode`: 政策解读 for one programme. */
export const PolicyList = z.object({ programCode: z.string(), programName: z.string().nullable(), items: z.array(Policy) });
export type PolicyList = z.infer<typeof PolicyList>;

/** `POST /api/usage {screen}`: one anonymous screen view, counted for central's statistics. */
export const UsageEvent = z.object({ screen: z.string().regex(/^[a-z0-9-]{1,32}$/, 'screen must be a short kebab-case id') });
export type UsageEvent = z.infer<typeof UsageEvent>;
