import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** One uploaded row: its number as the spreadsheet shows it (header = row 1), and its cells by column name. */
export interface UploadRow {
  row: number;
  cells: Record<string, string>;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip file

/**
 * Reads a CSV (UTF-8, with or without BOM) or an XLSX (first sheet) with a header row of
 * field names. Every cell arrives as trimmed text, so validation sees exactly what was typed.
 */
export async function readUpload(bytes: Buffer): Promise<UploadRow[]> {
  return bytes.subarray(0, 4).equals(XLSX_MAGIC) ? readXlsx(bytes) : readCsvText(bytes);
}

function readCsvText(bytes: Buffer): UploadRow[] {
  const records: string[][] = parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: true });
  return toRows(records);
}

async function readXlsx(bytes: Buffer): Promise<UploadRow[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares the pre-TS-5.7 `Buffer` type; the bytes are the same at run time.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    records[rowNumber - 1] = cells;
  });
  return toRows(Array.from(records, (r) => r ?? []));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    return '';
  }
  return String(value);
}

function toRows(records: string[][]): UploadRow[] {
  const [header, ...body] = records;
  if (!header) return [];
  const columns = header.map((h) => h.trim());
  const rows: UploadRow[] = [];
  body.forEach((values, i) => {
    if (values.every((v) => v.trim() === '')) return;
    const cells: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (column) cells[column] = (values[c] ?? '').trim();
    });
    rows.push({ row: i + 2, cells });
  });
  return rows;
}
