import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@sunshine/contracts';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeCsvText } from './decode-text';

/** One uploaded row: its number as the spreadsheet shows it (header = row 1), and its cells by column name. */
export interface UploadRow {
  row: number;
  cells: Record<string, string>;
}

export interface UploadLimits {
  /** Largest CSV, in bytes; it is streamed, so this bounds disk and time, not memory. */
  maxBytes: number;
  /** Largest XLSX, in bytes; a workbook is read whole, so this bounds memory. */
  maxXlsxBytes: number;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip file
const UNREADABLE = '文件无法读取：请上传 CSV（UTF-8 或 GBK 编码）或 XLSX 文件';

/**
 * Reads a CSV (UTF-8 with or without BOM, or GBK/GB18030 as Excel saves it on Chinese
 * Windows: `decodeCsvText`) or an XLSX (first sheet) with a header row of field names. Every
 * cell arrives as trimmed text, so validation sees exactly what was typed. A CSV is decoded
 * and parsed as it arrives, row by row; an XLSX is collected first (a zip is read whole).
 * Throws `payload_too_large` past the limit, `unknown_encoding` for a CSV in another encoding
 * or with bytes that do not decode, and `unreadable_file` for a file that cannot be read.
 */
export async function* readUpload(body: AsyncIterable<Buffer>, limits: UploadLimits): AsyncGenerator<UploadRow> {
  const chunks = limitBytes(body, limits.maxBytes);
  const head = await readHead(chunks, XLSX_MAGIC.length);
  const all = prepend(head, chunks);
  if (head.subarray(0, XLSX_MAGIC.length).equals(XLSX_MAGIC)) {
    yield* toRows(await readXlsx(await collect(limitBytes(all, limits.maxXlsxBytes))));
    return;
  }
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  // Errors of the source (too large, a dropped connection, an encoding refused) reach the loop below through the parser.
  pipeline(Readable.from(decodeCsvText(all)), parser).catch(() => undefined);
  try {
    yield* toRows(parser);
  } catch (err) {
    throw err instanceof CsvError ? new AppError('unreadable_file', UNREADABLE) : err;
  }
}

/** Fails with 413 once more than `max` bytes have arrived. */
async function* limitBytes(chunks: AsyncIterable<Buffer>, max: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > max) throw uploadTooLarge(max);
    yield chunk;
  }
}

export const uploadTooLarge = (max: number) => new AppError('payload_too_large', `文件太大：上传的文件不能超过 ${Math.floor(max / 1024 / 1024)} MB，请按部门或月份分成几个文件上传`);

/** The first `size` bytes (fewer only when the body is shorter), leaving the rest in `chunks`. */
async function readHead(chunks: AsyncIterator<Buffer>, size: number): Promise<Buffer> {
  const head: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(head);
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    if (head.length > 0) yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // A reader that stops early (a file refused for its encoding) lets go of the request, so
    // the rest of the body can be drained before the answer goes out.
    await rest.return?.();
  }
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares the pre-TS-5.7 `Buffer` type; the bytes are the same at run time.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer).catch(() => {
    throw new AppError('unreadable_file', UNREADABLE);
  });
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    records[rowNumber - 1] = cells;
  });
  return Array.from(records, (r) => r ?? []);
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

/** Records (the first is the header) to rows keyed by column; blank rows are skipped but keep their number. */
async function* toRows(records: AsyncIterable<string[]> | Iterable<string[]>): AsyncGenerator<UploadRow> {
  let columns: string[] | undefined;
  let index = 0;
  for await (const values of records) {
    index++;
    if (!columns) {
      columns = values.map((h) => h.trim());
      continue;
    }
    if (values.every((v) => v.trim() === '')) continue;
    const cells: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (column) cells[column] = (values[c] ?? '').trim();
    });
    yield { row: index, cells };
  }
}
