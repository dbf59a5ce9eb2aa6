import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

/**
 * RFC 4180 CSV with a header row and a BOM, so Excel opens Chinese text correctly (CRLF rows,
 * a field quoted when it holds a comma, a quote or a line break). A text field starting with
 * `= + - @`, a tab or a carriage return would run as a formula in a spreadsheet: it is written
 * with a leading `'`. Booleans read `true`/`false`, null and undefined an empty field.
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return stringify([...rows], {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    escape_formulas: true,
    // A lone LF or CR inside a field must be quoted too, not only the CRLF rows end with.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => String(value) },
  });
}

/** Answers `rows` as a CSV download named `name.csv`. */
export function sendCsv<T extends object>(res: Response, name: string, rows: readonly T[], columns: readonly (keyof T & string)[]): void {
  res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
  res.send(toCsv(rows, columns));
}
