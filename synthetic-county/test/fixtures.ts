import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CountyManifest, CountyScale } from '@sunshine/contracts';
import { CountyFile, PaymentRow, ProgramRow } from '@sunshine/contracts';
import { BusinessRow, DeathRow, OfficialRow, PersonRow, PovertyRow, PropertyRow, VehicleRow } from '@sunshine/contracts';
import { generateCounty } from '../src/index';
import { readRows } from './read-county';
import type { CountyData } from './reference-checker';

export interface Generated {
  dir: string;
  manifest: CountyManifest;
}

const made: string[] = [];

export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `county-${label}-`));
  made.push(dir);
  return dir;
}

/** For `afterAll`: removes every directory this test file generated into. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const generated = new Map<string, Promise<Generated>>();

/** Generates a county once per test file and scale+seed; tests only read it. */
export function generate(scale: CountyScale, seed: number): Promise<Generated> {
  const key = `${scale}-${seed}`;
  const existing = generated.get(key);
  if (existing) return existing;
  const dir = tempDir(key);
  const made = generateCounty({ scale, seed, outDir: dir }).then((manifest) => ({ dir, manifest }));
  generated.set(key, made);
  return made;
}

/** What the cross-check reads: payments and the registries, parsed with the contract schemas. */
export function loadCountyData(dir: string): CountyData {
  return {
    programs: readRows(dir, CountyFile.programs, ProgramRow),
    payments: readRows(dir, CountyFile.payments, PaymentRow),
    people: readRows(dir, CountyFile.people, PersonRow),
    deaths: readRows(dir, CountyFile.deaths, DeathRow),
    vehicles: readRows(dir, CountyFile.vehicles, VehicleRow),
    property: readRows(dir, CountyFile.property, PropertyRow),
    officials: readRows(dir, CountyFile.officials, OfficialRow),
    businesses: readRows(dir, CountyFile.businesses, BusinessRow),
    poverty: readRows(dir, CountyFile.poverty, PovertyRow),
  };
}
