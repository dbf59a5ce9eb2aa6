import { z } from 'zod';
import { FinanceBook, FinancePeriodList, NoticeList, NoticeQuery, PageQuery, PolicyList, ProjectList, ProjectView, VillageList } from '../kiosk-content';
import { defineRoute } from '../route';

/** `GET /api/projects?page=&scope=`: `local` (default) is this village, its town and the county. */
export const ProjectQuery = PageQuery.extend({ scope: z.enum(['local', 'all']).default('local') });

/**
 * Disclosure content from the kiosk's SQLite cache: works with the network down. Lists page
 * by 10 (`KIOSK_PAGE_SIZE`, `?page=` from 1).
 */
export const agentContentApi = {
  listNotices: defineRoute({
    method: 'GET',
    path: '/api/notices',
    summary: '`?category=party|government|village&page=&scope=local|all` (default `local`): whole `Notice` records, newest `publishDate` first; expired notices left out',
    access: { kind: 'local' },
    query: NoticeQuery,
    response: NoticeList,
  }),
  listProjects: defineRoute({
    method: 'GET',
    path: '/api/projects',
    summary:
      '`ProjectView` = `Project` + `spentFen` (sum of its spending lines) + `scopeLevel` (`village`, `town`, `county`, `other`); this village\'s first, then the town\'s, then the county\'s, newest start first',
    access: { kind: 'local' },
    query: ProjectQuery,
    response: ProjectList,
  }),
  getProject: defineRoute({
    method: 'GET',
    path: '/api/projects/:id',
    summary: 'One project as the list shows it; 404 `unknown_project`',
    access: { kind: 'local' },
    response: ProjectView,
  }),
  listVillages: defineRoute({
    method: 'GET',
    path: '/api/villages',
    summary: '`{ kioskVillageCode, items: Village + townName }`: every village, and which one is this kiosk\'s',
    access: { kind: 'local' },
    response: VillageList,
  }),
  ownFinancePeriods: defineRoute({
    method: 'GET',
    path: '/api/finance/periods',
    summary: '307 to `GET /api/finance/:villageCode/periods` for the kiosk\'s own village',
    access: { kind: 'local' },
    response: FinancePeriodList,
  }),
  ownFinanceBook: defineRoute({
    method: 'GET',
    path: '/api/finance',
    summary: '307 to `GET /api/finance/:villageCode/:period` for the kiosk\'s own village',
    access: { kind: 'local' },
    query: z.object({ period: z.string().max(7) }),
    response: FinanceBook,
  }),
  listFinancePeriods: defineRoute({
    method: 'GET',
    path: '/api/finance/:villageCode/periods',
    summary: 'A village\'s finance periods, newest first. 400 `bad_request` for a code that is not 12 digits; 400 `unknown_village` for a village the kiosk\'s data does not have',
    access: { kind: 'local' },
    response: FinancePeriodList,
  }),
  getFinanceBook: defineRoute({
    method: 'GET',
    path: '/api/finance/:villageCode/:period',
    summary:
      '`period` is `YYYY` or `YYYY-MM`: `period` (opening/closing balance), `totals { byCategory: [{ direction, category, count, totalFen }], incomeFen, expenseFen }`, `changeFen` (closing − opening), and one page of lines by date in `items` (also as `lines`). 400 `unknown_village` as above; 404 `no_finance_period` when the village has no books for that period',
    access: { kind: 'local' },
    query: PageQuery,
    response: FinanceBook,
  }),
  getBlob: defineRoute({
    method: 'GET',
    path: '/api/blobs/:sha256',
    summary: 'A media file a project attaches (photo, PDF, scan) with its recorded MIME type, cached for a year; 404 `blob_not_downloaded` until the agent has fetched it from central',
    access: { kind: 'local' },
    response: { kind: 'file', contentType: 'application/octet-stream' },
  }),
  getPolicies: defineRoute({
    method: 'GET',
    path: '/api/policies/:programCode',
    summary: '`{ programCode, programName, items: Policy[] }`: 政策解读 for one programme',
    access: { kind: 'local' },
    response: PolicyList,
  }),
} as const;
