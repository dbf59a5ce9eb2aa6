import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CountyFile, CountyManifest } from '@sunshine/contracts';
import { parse } from 'csv-parse/sync';

/** The header and the rows of one file as records keyed by column. */
export function readTable(dir: string, file: string): { header: string[]; records: Record<string, string>[] } {
  // csv-parse reads what csv-stringify wrote: a different library, so the writer is not checked with itself.
  const [header = [], ...rows]: string[][] = parse(readFileSync(path.join(dir, file), 'utf8'));
  const records = rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  return { header, records };
}

/** Reads a file and parses every row with its contract schema; throws on the first bad row. */
export function readRows<S extends z.ZodType>(dir: string, file: string, schema: S): z.output<S>[] {
  return readTable(dir, file).records.map((record, i) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new Error(`${file} row ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
}

export function readManifest(dir: string): CountyManifest {
  return CountyManifest.parse(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
}

export const ALL_FILES = Object.values(CountyFile);
