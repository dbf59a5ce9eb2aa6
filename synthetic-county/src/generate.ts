import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CountyFile,
  CountyManifest,
  CountyScale,
  FinanceLineRow,
  FinancePeriodRow,
  NoticeRow,
  PaymentRow,
  PolicyRow,
  ProgramRow,
  ProjectFundRow,
  ProjectRow,
  ProjectSpendingRow,
  TownRow,
  VillageRow,
} from '@sunshine/contracts';
import { BusinessRow, DeathRow, OfficialRow, PersonRow, PovertyRow, PropertyRow, VehicleRow } from '@sunshine/contracts';
import { plantAnomalies } from './anomalies';
import { AS_OF } from './calendar';
import { writeCsv } from './csv';
import { drawDeaths } from './deaths';
import { enrol } from './enrolment';
import { buildFinance } from './finance';
import { buildCounty } from './geography';
import { PaymentLedger, toAnomalies } from './ledger';
import { buildNotices } from './notices';
import { paymentRows } from './payments';
import { buildPopulation } from './people';
import { policyRows, programRows } from './programs';
import { buildProjects } from './projects';
import { drawRegistries } from './registries';
import { deathRows, ownedRows, personRows, povertyRows } from './registry-rows';
import { placesOf, RecordMaker } from './registry-records';
import { SCALES } from './scale';
import { pickSamples } from './samples';

export interface GenerateOptions {
  scale: CountyScale;
  /** Any integer in 0…2^31−1; the same scale and seed write byte-identical files. */
  seed: number;
  outDir: string;
}

export const MAX_SEED = 2 ** 31 - 1;

type FileKey = keyof typeof CountyFile;
/** A file's columns are its contract schema's fields, in the schema's order. */
const columns = (schema: { shape: object }): string[] => Object.keys(schema.shape);

/**
 * Generates a synthetic county into `outDir` (created if missing): one CSV per
 * `CountyFile` and `manifest.json`, which it also returns.
 */
export async function generateCounty({ scale, seed, outDir }: GenerateOptions): Promise<CountyManifest> {
  const config = SCALES[CountyScale.parse(scale)];
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be an integer in 0…${MAX_SEED}, got ${seed}`);
  const county = buildCounty(config);
  const population = buildPopulation(county.villages, county.code, config.people, seed);
  const deaths = drawDeaths(population, seed);
  const { poverty, enrolment } = enrol(county, population, config, seed);
  const maker = new RecordMaker(placesOf(county), county.code);
  const registries = drawRegistries({ maker, population, deaths, poverty, lowIncomeHouseholds: enrolment.lowIncomeHouseholds }, seed);
  const cases = plantAnomalies({ population, enrolment, registries, deaths, poverty, maker, perKind: config.anomaliesPerKind }, seed);

  await mkdir(outDir, { recursive: true });
  const counts: Partial<Record<FileKey, number>> = {};
  const write = async <T extends object>(key: FileKey, schema: { shape: object }, rows: Iterable<T>): Promise<void> => {
    counts[key] = await writeCsv(path.join(outDir, CountyFile[key]), columns(schema), rows);
  };
  const ledger = new PaymentLedger(population.people.length, cases.map((c) => c.person));
  await write('payments', PaymentRow, paymentRows({ population, enrolment, deaths, paidAfterDeath: personsOf(cases, 'paid_after_death') }, ledger));
  await write('towns', TownRow, county.towns);
  await write('villages', VillageRow, county.villages);
  await write('programs', ProgramRow, programRows());
  await write('policies', PolicyRow, policyRows());
  const projects = buildProjects(county, seed);
  await write('projects', ProjectRow, projects.projects);
  await write('projectFunds', ProjectFundRow, projects.funds);
  await write('projectSpending', ProjectSpendingRow, projects.spending);
  const finance = buildFinance(county, seed);
  await write('financePeriods', FinancePeriodRow, finance.periods);
  await write('financeLines', FinanceLineRow, finance.lines);
  await write('notices', NoticeRow, buildNotices(county, seed));
  await write('people', PersonRow, personRows(population));
  await write('deaths', DeathRow, deathRows(deaths, population));
  await write('vehicles', VehicleRow, ownedRows(registries.vehicles, population));
  await write('property', PropertyRow, ownedRows(registries.property, population));
  await write('officials', OfficialRow, ownedRows(registries.officials, population));
  await write('businesses', BusinessRow, ownedRows(registries.businesses, population));
  await write('poverty', PovertyRow, povertyRows(poverty, population));

  const manifest = CountyManifest.parse({
    scale,
    seed,
    asOf: AS_OF,
    county: { code: county.code, name: county.name },
    counts,
    samplePeople: pickSamples(population, ledger, deaths, cases, seed),
    anomalies: toAnomalies(cases, ledger, deaths, population),
  });
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function personsOf(cases: readonly { kind: string; person: number }[], kind: string): Set<number> {
  return new Set(cases.filter((c) => c.kind === kind).map((c) => c.person));
}
