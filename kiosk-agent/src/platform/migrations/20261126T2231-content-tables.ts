/**
 * The kiosk's `meta` (data version and the like) and one table per synced content table:
 * each record whole as JSON, plus the fields the kiosk searches by as indexed columns.
 */
export const sql = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE towns (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE villages (id TEXT PRIMARY KEY, data TEXT NOT NULL, town_code TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX villages_lookup ON villages (town_code);
  CREATE TABLE programs (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE policies (id TEXT PRIMARY KEY, data TEXT NOT NULL, program_code TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX policies_lookup ON policies (program_code);
  CREATE TABLE payments (id TEXT PRIMARY KEY, data TEXT NOT NULL, id_hash TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX payments_lookup ON payments (id_hash);
  CREATE TABLE projects (id TEXT PRIMARY KEY, data TEXT NOT NULL, scope_code TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX projects_lookup ON projects (scope_code);
  CREATE TABLE finance_periods (id TEXT PRIMARY KEY, data TEXT NOT NULL, village_code TEXT NOT NULL, period TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX finance_periods_lookup ON finance_periods (village_code, period);
  CREATE TABLE finance_lines (id TEXT PRIMARY KEY, data TEXT NOT NULL, village_code TEXT NOT NULL, period TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX finance_lines_lookup ON finance_lines (village_code, period);
  CREATE TABLE notices (id TEXT PRIMARY KEY, data TEXT NOT NULL, category TEXT NOT NULL, publish_date TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX notices_lookup ON notices (category, publish_date);
`;
