import type { SyncTable } from '@sunshine/contracts';

export interface ContentTable {
  sqlName: string;
  /** Record fields copied into their own indexed columns, for the queries the UI makes. */
  indexed: { column: string; field: string }[];
}

// Each synced record is kept whole as JSON; the fields the kiosk searches by get columns.
// The tables and columns are made by the migrations in `migrations/`, never from this list:
// a new column here needs a new migration that adds it (a test checks they agree).
export const contentTables: Record<SyncTable, ContentTable> = {
  towns: { sqlName: 'towns', indexed: [] },
  villages: { sqlName: 'villages', indexed: [{ column: 'town_code', field: 'townCode' }] },
  programs: { sqlName: 'programs', indexed: [] },
  policies: { sqlName: 'policies', indexed: [{ column: 'program_code', field: 'programCode' }] },
  payments: { sqlName: 'payments', indexed: [{ column: 'id_hash', field: 'idHash' }] },
  projects: { sqlName: 'projects', indexed: [{ column: 'scope_code', field: 'scopeCode' }] },
  financePeriods: {
    sqlName: 'finance_periods',
    indexed: [
      { column: 'village_code', field: 'villageCode' },
      { column: 'period', field: 'period' },
    ],
  },
  financeLines: {
    sqlName: 'finance_lines',
    indexed: [
      { column: 'village_code', field: 'villageCode' },
      { column: 'period', field: 'period' },
    ],
  },
  notices: {
    sqlName: 'notices',
    indexed: [
      { column: 'category', field: 'category' },
      { column: 'publish_date', field: 'publishDate' },
      { column: 'scope_code', field: 'scopeCode' },
    ],
  },
};
