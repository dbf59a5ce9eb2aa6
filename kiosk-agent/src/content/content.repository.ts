import type { FinanceCategoryTotal, FinanceLine, FinancePeriod, Notice, NoticeCategory, Policy, Program, Project, Town, Village } from '@sunshine/contracts';
import type { Database } from '../platform/database';
import type { ContentReader, PageWindow } from './content.service';

/** Records were checked against their contract schema when the sync body was applied. */
const fromJson = <T>(row: { data: string }): T => JSON.parse(row.data) as T;

/** Read side of the kiosk's cache: every query the screens make, each on an index. */
export function createContentRepository(db: Database) {
  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare<unknown[], { data: string }>(sql).all(...params).map((r) => fromJson<T>(r));
  const one = <T>(sql: string, ...params: unknown[]): T | null => {
    const row = db.prepare<unknown[], { data: string }>(sql).get(...params);
    return row ? fromJson<T>(row) : null;
  };
  const count = (sql: string, ...params: unknown[]): number => db.prepare<unknown[], { n: number }>(sql).get(...params)?.n ?? 0;
  const inList = (values: string[]) => values.map(() => '?').join(', ');

  const repository = {
    towns: () => all<Town>('SELECT data FROM towns ORDER BY id'),
    villages: () => all<Village>('SELECT data FROM villages ORDER BY id'),
    village: (code: string) => one<Village>('SELECT data FROM villages WHERE id = ?', code),
    town: (code: string) => one<Town>('SELECT data FROM towns WHERE id = ?', code),
    firstVillage: () => one<Village>('SELECT data FROM villages ORDER BY id LIMIT 1'),

    /** Newest first; `scopes` null = every scope. Expired notices are left out. */
    notices(filter: { category: NoticeCategory | undefined; scopes: string[] | null; today: string }, page: PageWindow) {
      const where = [
        "(json_extract(data, '$.expiryDate') IS NULL OR json_extract(data, '$.expiryDate') >= ?)",
        ...(filter.category ? ['category = ?'] : []),
        ...(filter.scopes ? [`scope_code IN (${inList(filter.scopes)})`] : []),
      ].join(' AND ');
      const params = [filter.today, ...(filter.category ? [filter.category] : []), ...(filter.scopes ?? [])];
      return {
        items: all<Notice>(`SELECT data FROM notices WHERE ${where} ORDER BY publish_date DESC, id LIMIT ? OFFSET ?`, ...params, page.limit, page.offset),
        total: count(`SELECT count(*) AS n FROM notices WHERE ${where}`, ...params),
      };
    },

    /** `ranked` scopes come first, in that order (village, town, county); `scopes` null = all. */
    projects(filter: { ranked: string[]; scopes: string[] | null }, page: PageWindow) {
      const where = filter.scopes ? `WHERE scope_code IN (${inList(filter.scopes)})` : '';
      const rank = `CASE scope_code ${filter.ranked.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE ${filter.ranked.length} END`;
      const params = filter.scopes ?? [];
      return {
        items: all<Project>(
          `SELECT data FROM projects ${where} ORDER BY ${rank}, json_extract(data, '$.startDate') DESC, id LIMIT ? OFFSET ?`,
          ...params,
          ...filter.ranked,
          page.limit,
          page.offset,
        ),
        total: count(`SELECT count(*) AS n FROM projects ${where}`, ...params),
      };
    },
    project: (id: string) => one<Project>('SELECT data FROM projects WHERE id = ?', id),

    financePeriods: (villageCode: string) =>
      all<FinancePeriod>('SELECT data FROM finance_periods WHERE village_code = ? ORDER BY period DESC', villageCode),
    financePeriod: (villageCode: string, period: string) =>
      one<FinancePeriod>('SELECT data FROM finance_periods WHERE village_code = ? AND period = ?', villageCode, period),
    financeTotals: (villageCode: string, period: string): FinanceCategoryTotal[] =>
      db
        .prepare<unknown[], FinanceCategoryTotal>(
          `SELECT json_extract(data, '$.direction') AS direction, json_extract(data, '$.category') AS category,
                  count(*) AS count, sum(json_extract(data, '$.amountFen')) AS totalFen
           FROM finance_lines WHERE village_code = ? AND period = ?
           GROUP BY direction, category ORDER BY direction DESC, totalFen DESC`,
        )
        .all(villageCode, period),
    financeLines(villageCode: string, period: string, page: PageWindow) {
      return {
        items: all<FinanceLine>(
          `SELECT data FROM finance_lines WHERE village_code = ? AND period = ?
           ORDER BY json_extract(data, '$.date'), id LIMIT ? OFFSET ?`,
          villageCode,
          period,
          page.limit,
          page.offset,
        ),
        total: count('SELECT count(*) AS n FROM finance_lines WHERE village_code = ? AND period = ?', villageCode, period),
      };
    },

    /** Every media blob the projects refer to (content-addressed by sha256). */
    attachmentHashes: (): string[] =>
      db
        .prepare<[], { sha: string }>(
          "SELECT DISTINCT json_extract(a.value, '$.sha256') AS sha FROM projects, json_each(projects.data, '$.attachments') AS a",
        )
        .all()
        .map((r) => r.sha),
    attachmentMime: (sha256: string): string | null =>
      db
        .prepare<[string], { mime: string }>(
          "SELECT json_extract(a.value, '$.mime') AS mime FROM projects, json_each(projects.data, '$.attachments') AS a WHERE json_extract(a.value, '$.sha256') = ? LIMIT 1",
        )
        .get(sha256)?.mime ?? null,

    program: (code: string) => one<Program>('SELECT data FROM programs WHERE id = ?', code),
    policies: (programCode: string) => all<Policy>('SELECT data FROM policies WHERE program_code = ? ORDER BY id', programCode),
  };
  return repository satisfies ContentReader;
}
export type ContentRepository = ReturnType<typeof createContentRepository>;
