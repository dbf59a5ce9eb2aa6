import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@sunshine/contracts';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import { decodeCsvText } from './decode-text';

interface RowProblem {
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
 * the first, so one report tells the uploader everything to fix. The file may be UTF-8 or
 * GBK/GB18030, as an upload may (`decodeCsvText`); another encoding stops the load.
 */
export async function readCsv<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  return (await readCsvRows(file, schema)).map((r) => r.value);
}

/** `readCsv` with each row's number (the header is row 1), for checks across rows that name them. */
export async function readCsvRows<T>(file: string, schema: z.ZodType<T>): Promise<{ row: number; value: T }[]> {
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true });
  // Errors of the source (a file that cannot be opened, an encoding refused) reach `checkRows` through the parser.
  pipeline(Readable.from(decodeCsvText(fs.createReadStream(file))), parser).catch(() => undefined);
  try {
    return await checkRows(file, parser as AsyncIterable<Record<string, string>>, schema);
  } catch (err) {
    // The loader reads many files: name the one refused.
    throw err instanceof AppError ? new AppError(err.code, `${file}: ${err.message}`) : err;
  }
}

async function checkRows<T>(file: string, records: AsyncIterable<Record<string, string>>, schema: z.ZodType<T>): Promise<{ row: number; value: T }[]> {
  const rows: { row: number; value: T }[] = [];
  const problems: RowProblem[] = [];
  let rowNumber = 1;
  for await (const raw of records) {
    rowNumber++;
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      rows.push({ row: rowNumber, value: parsed.data });
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
