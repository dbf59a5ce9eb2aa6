import {
  AppError,
  type FinanceBook,
  type FinanceCategoryTotal,
  type FinanceLine,
  type FinancePeriod,
  type FinancePeriodList,
  type Notice,
  type NoticeCategory,
  type NoticeList,
  type Policy,
  type PolicyList,
  type Program,
  type Project,
  type ProjectList,
  type ProjectView,
  type Town,
  type Village,
  type VillageList,
} from '@sunshine/contracts';
import { localScopes, type KioskPlace } from '../place/kiosk-place';
import { financeBook, paged, pageWindow, projectView } from './content-views';

export interface PageWindow {
  limit: number;
  offset: number;
}

/** The kiosk's cache of the county's content, as the screens read it (each query on an index). */
export interface ContentReader {
  /** Newest first; `scopes` null = every scope. Expired notices are left out. */
  notices(filter: { category: NoticeCategory | undefined; scopes: string[] | null; today: string }, page: PageWindow): { items: Notice[]; total: number };
  /** `ranked` scopes come first, in that order; `scopes` null = all. */
  projects(filter: { ranked: string[]; scopes: string[] | null }, page: PageWindow): { items: Project[]; total: number };
  project(id: string): Project | null;
  towns(): Town[];
  villages(): Village[];
  village(code: string): Village | null;
  financePeriods(villageCode: string): FinancePeriod[];
  financePeriod(villageCode: string, period: string): FinancePeriod | null;
  financeTotals(villageCode: string, period: string): FinanceCategoryTotal[];
  financeLines(villageCode: string, period: string, page: PageWindow): { items: FinanceLine[]; total: number };
  attachmentMime(sha256: string): string | null;
  program(code: string): Program | null;
  policies(programCode: string): Policy[];
}

/** Media the agent has fetched from central, by sha256. */
export interface BlobFiles {
  /** The file of a downloaded blob; null until it is here whole. */
  fileOf(sha256: string): string | null;
}

export interface ContentDeps {
  content: ContentReader;
  blobs: BlobFiles;
  /** Where the kiosk stands now (a move at central shows at once). */
  place(): KioskPlace;
  /** The county's date today, `YYYY-MM-DD`: notices expire by it. */
  today(): string;
}

/** 党务政务, 项目公开, 村务财务 and 政策解读 from the local cache: they work with the network down. */
export function createContentService(deps: ContentDeps) {
  const { content } = deps;
  const villageOf = (code: string): Village => {
    const village = content.village(code);
    if (!village) throw new AppError('unknown_village', '没有这个村的资料。');
    return village;
  };

  return {
    notices(q: { category?: NoticeCategory | undefined; scope: 'local' | 'all'; page: number }): NoticeList {
      const scopes = q.scope === 'all' ? null : localScopes(deps.place());
      return paged(content.notices({ category: q.category, scopes, today: deps.today() }, pageWindow(q.page)), q.page);
    },
    projects(q: { scope: 'local' | 'all'; page: number }): ProjectList {
      const place = deps.place();
      const ranked = localScopes(place);
      const found = content.projects({ ranked, scopes: q.scope === 'all' ? null : ranked }, pageWindow(q.page));
      return paged({ items: found.items.map((p) => projectView(p, place)), total: found.total }, q.page);
    },
    project(id: string): ProjectView {
      const project = content.project(id);
      if (!project) throw new AppError('unknown_project', '没有找到这个项目。');
      return projectView(project, deps.place());
    },
    villages(): VillageList {
      const towns = new Map(content.towns().map((t) => [t.code, t.name]));
      return {
        kioskVillageCode: deps.place().villageCode,
        items: content.villages().map((v) => ({ ...v, townName: towns.get(v.townCode) ?? '' })),
      };
    },
    /** This kiosk's own village, for the routes that answer with a redirect to it. */
    ownVillageCode: (): string | null => deps.place().villageCode,
    financePeriods(villageCode: string): FinancePeriodList {
      const village = villageOf(villageCode);
      return { villageCode: village.code, villageName: village.name, items: content.financePeriods(village.code) };
    },
    financeBook(villageCode: string, period: string, page: number): FinanceBook {
      const village = villageOf(villageCode);
      const found = content.financePeriod(village.code, period);
      if (!found) throw new AppError('no_finance_period', '这个月份没有公开的账目。');
      return financeBook({
        villageName: village.name,
        period: found,
        totals: content.financeTotals(village.code, period),
        lines: content.financeLines(village.code, period, pageWindow(page)),
        page,
      });
    },
    /** A project's attachment, once it has been downloaded whole. */
    blob(sha256: string): { file: string; mime: string } {
      const mime = content.attachmentMime(sha256);
      const file = mime === null ? null : deps.blobs.fileOf(sha256);
      if (mime === null || file === null) throw new AppError('blob_not_downloaded', '这个附件还没有下载到本机。');
      return { file, mime };
    },
    policies(programCode: string): PolicyList {
      return { programCode, programName: content.program(programCode)?.name ?? null, items: content.policies(programCode) };
    },
  };
}
export type ContentService = ReturnType<typeof createContentService>;
