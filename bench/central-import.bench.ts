import fs from 'node:fs';
import path from 'node:path';
import { buildCentral, loadConfig } from '@sunshine/central';
import { startTestCentral } from '@sunshine/central/testing';
import { CountyFile, type ImportContentType } from '@sunshine/contracts';
import { createLogger } from '@sunshine/service-kit';
import { scale } from './agent-fixture';
import { benchCounty, loginPublishingStaff, uploadAndApprove, type BenchCounty } from './central-fixture';
import { result, round, timeMs, type Benchmark } from './harness';

interface Upload {
  type: ImportContentType;
  department: string;
  file: string;
  rows: number;
  /** What its approval publishes: a record per row, or per project for fund and spending lines. */
  records: number;
}

/**
 * The county's content published through the upload API as its departments would do it:
 * each county bureau uploads its programmes, policies, projects (with their fund and spending
 * lines) and payments; each township (乡镇) its villages' notices and finance. Every file is
 * streamed over HTTP on loopback with the admin's cookie, validated and staged, then approved
 * by a reviewer (no one approves their own upload), one after another. Towns and villages are
 * base data: central starts with only those, loaded by the county loader. Baseline: the county
 * loader publishing the same files at first start (one transaction, no HTTP, validation,
 * staging or owners; like an import, it writes each record's first history row).
 */
export const centralImport: Benchmark = {
  name: 'central-import',
  async run() {
    const county = await benchCounty();
    const uploads = planUploads(county);
    const rows = uploads.reduce((sum, u) => sum + u.rows, 0);
    const central = await startTestCentral({ env: { CENTRAL_COUNTY_DIR: baseOnlyCounty(county) } });
    let published = 0;
    let ms = 0;
    try {
      const staff = await loginPublishingStaff(central.url);
      const byType = new Map<string, number>();
      ms = await timeMs(async () => {
        for (const upload of uploads) {
          const took = await timeMs(async () => {
            published += (await uploadAndApprove(central.url, staff, { type: upload.type, department: upload.department }, upload.file)).records;
          });
          byType.set(upload.type, (byType.get(upload.type) ?? 0) + took);
        }
      });
      console.log(`  ${[...byType].map(([type, took]) => `${type} ${round(took / 1000)} s`).join(', ')}`);
    } finally {
      await central.close();
    }
    const expected = uploads.reduce((sum, u) => sum + u.records, 0);
    if (published !== expected) throw new Error(`published ${published} records, expected ${expected}`);

    const baselineMs = await timeLoader(county);
    return [
      result({
        name: `import and publish the synthetic county (${scale} scale) via the upload API (${uploads.length} files by department/township, ${rows} rows: stream, validate, stage, approve) vs the county loader at first start`,
        value: round(ms / 1000, 1),
        unit: 's',
        baseline: round(baselineMs / 1000, 1),
        target: '< 120 s',
        pass: ms < 120_000,
      }),
    ];
  },
};

/** Splits each content file into one file per uploading department, in the order they depend on each other. */
function planUploads(county: BenchCounty): Upload[] {
  const outDir = path.join(county.workDir, 'uploads');
  fs.mkdirSync(outDir, { recursive: true });
  const towns = new Map(readCsv(county.dir, CountyFile.towns).rows.map((t) => [t.code ?? '', `${t.name ?? ''}人民政府`]));
  const townOf = (code = '') => (code.length === 6 ? '县人民政府办公室' : (towns.get(code.slice(0, 9)) ?? 'unknown town'));
  const programDepartment = new Map(readCsv(county.dir, CountyFile.programs).rows.map((p) => [p.code ?? '', p.department ?? '']));
  const projectDepartment = new Map(readCsv(county.dir, CountyFile.projects).rows.map((p) => [p.id ?? '', p.department ?? '']));
  const plan: [ImportContentType, string, (cells: Record<string, string>) => string][] = [
    ['programs', CountyFile.programs, (c) => c.department ?? ''],
    ['policies', CountyFile.policies, (c) => programDepartment.get(c.programCode ?? '') ?? ''],
    ['projects', CountyFile.projects, (c) => c.department ?? ''],
    ['projectFunds', CountyFile.projectFunds, (c) => projectDepartment.get(c.projectId ?? '') ?? ''],
    ['projectSpending', CountyFile.projectSpending, (c) => projectDepartment.get(c.projectId ?? '') ?? ''],
    ['payments', CountyFile.payments, (c) => c.department ?? ''],
    ['notices', CountyFile.notices, (c) => townOf(c.scopeCode)],
    // A period's balances are checked against its published lines: the lines go first.
    ['financeLines', CountyFile.financeLines, (c) => townOf(c.villageCode)],
    ['financePeriods', CountyFile.financePeriods, (c) => townOf(c.villageCode)],
  ];
  const uploads: Upload[] = [];
  for (const [type, name, departmentOf] of plan) {
    const { header, rows, lines } = readCsv(county.dir, name);
    const byDepartment = new Map<string, string[]>();
    rows.forEach((cells, i) => {
      const department = departmentOf(cells);
      const list = byDepartment.get(department) ?? [];
      list.push(lines[i] ?? '');
      byDepartment.set(department, list);
    });
    for (const [department, list] of byDepartment) {
      const file = path.join(outDir, `${type}-${uploads.length}.csv`);
      fs.writeFileSync(file, [header, ...list].join('\n') + '\n');
      const records = type === 'projectFunds' || type === 'projectSpending' ? new Set(list.map((l) => l.split(',')[0])).size : list.length;
      uploads.push({ type, department, file, rows: list.length, records });
    }
  }
  return uploads;
}

/** The generated files have no quoted fields, so a line splits on commas. */
function readCsv(dir: string, name: string): { header: string; lines: string[]; rows: Record<string, string>[] } {
  const [header = '', ...lines] = fs.readFileSync(path.join(dir, name), 'utf8').trimEnd().split('\n');
  if (header.includes('"')) throw new Error(`${name}: the bench splits plain CSV only`);
  const columns = header.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i] ?? '', v])));
  return { header, lines, rows };
}

/** A copy of the county with only its base data (towns, villages): every content file is header-only. */
function baseOnlyCounty(county: BenchCounty): string {
  const dir = path.join(county.workDir, 'base-only');
  fs.mkdirSync(dir, { recursive: true });
  for (const name of Object.values(CountyFile)) {
    const source = path.join(county.dir, name);
    if (!fs.existsSync(source)) continue;
    const text = fs.readFileSync(source, 'utf8');
    fs.writeFileSync(path.join(dir, name), name === CountyFile.towns || name === CountyFile.villages ? text : text.slice(0, text.indexOf('\n') + 1));
  }
  return dir;
}

/** Central's first start on the full county: the loader reads every file and publishes it in one transaction. */
async function timeLoader(county: BenchCounty): Promise<number> {
  const config = loadConfig({ CENTRAL_PORT: '0', CENTRAL_DATA_DIR: path.join(county.workDir, 'loader-central'), CENTRAL_COUNTY_DIR: county.dir, CENTRAL_ADMIN_PASSWORD: 'bench-admin-password' });
  let central: Awaited<ReturnType<typeof buildCentral>> | undefined;
  const ms = await timeMs(async () => {
    central = await buildCentral(config, createLogger('central', 'warn'));
  });
  await central?.close();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  return ms;
}
