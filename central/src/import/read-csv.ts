import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { z } from 'zod';

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export class CsvRowsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RowProblem[],
  ) {
    const sample = problems
      .slice(0, 10)
      .map((p) => `  row ${p.row} ${p.column}=${JSON.stringify(p.value)}: ${p.reason}`)
      .join('\n');
    super(`${file}: ${problems.length} bad rows\n${sample}`);
    this.name = 'CsvRowsError';
  }
}

/**
 * Reads a CSV with a header row and checks every row against `schema`. Rows are numbered
 * as a spreadsheet shows them (the header is row 1). All problems are collected, not just
 * the first, so one report tells the uploader everything to fix.
 */
export async function readCsv<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const rows: T[] = [];
  const problems: RowProblem[] = [];
  let rowNumber = 1;
  const parser = fs.createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  for await (const raw of parser as AsyncIterable<Record<string, string>>) {
    rowNumber++;
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      rows.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      problems.push({ row: rowNumber, column, value: raw[column] ?? '', reason: issue.message });
    }
  }
  if (problems.length > 0) throw new CsvRowsError(file, problems);
  return rows;
}
