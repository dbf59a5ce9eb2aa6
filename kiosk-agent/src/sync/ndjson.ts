import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SyncTables, type SyncChange, type SyncTable } from '@sunshine/contracts';
import { z } from 'zod';
import { toContentRow, type ContentRow } from '../content/content-rows';
import { SyncRefused } from './sync-refused';

// One schema per kind of line, so each line — its record included — is checked once.
const lineSchemas = new Map<string, z.ZodType>();
for (const table of Object.keys(SyncTables) as SyncTable[]) {
  lineSchemas.set(`upsert ${table}`, z.object({ op: z.literal('upsert'), table: z.literal(table), record: SyncTables[table] }));
  lineSchemas.set(`delete ${table}`, z.object({ op: z.literal('delete'), table: z.literal(table), id: z.string() }));
}

/** Parses and checks one NDJSON line of a sync body. */
export function parseChange(text: string): SyncChange {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw new SyncRefused('bad_body', 'a sync change is not JSON');
  }
  const { op, table } = (typeof line === 'object' && line !== null ? line : {}) as { op?: unknown; table?: unknown };
  const schema = lineSchemas.get(`${String(op)} ${String(table)}`);
  if (!schema) throw new SyncRefused('bad_body', `unknown sync change: ${String(op)} ${String(table)}`);
  const parsed = schema.safeParse(line);
  if (!parsed.success) throw new SyncRefused('bad_body', `bad sync change for ${String(table)}: ${parsed.error.message}`);
  return parsed.data as SyncChange;
}

/**
 * One line as the store writes it. Central writes each record's stored JSON verbatim after
 * a fixed prefix; once the line has been parsed and checked, that text is kept as it is
 * rather than serialised again (a third of the decoding time for a county).
 */
export function readLine(text: string): ContentRow {
  const change = parseChange(text);
  const prefix = `{"op":"upsert","table":"${change.table}","record":`;
  const verbatim = change.op === 'upsert' && text.startsWith(prefix) && text.endsWith('}');
  return toContentRow(change, verbatim ? text.slice(prefix.length, -1) : undefined);
}

/** Every line of a chunk of whole lines, read and checked. */
export function readChunk(chunk: Buffer): ContentRow[] {
  const rows: ContentRow[] = [];
  let start = 0;
  while (start < chunk.length) {
    let end = chunk.indexOf(0x0a, start);
    if (end === -1) end = chunk.length;
    if (end > start) rows.push(readLine(chunk.toString('utf8', start, end)));
    start = end + 1;
  }
  return rows;
}

/**
 * Gunzips a sync body as a stream (zlib works on libuv's pool, beside this thread) and yields
 * it in chunks of about a megabyte that end at a line's end: the county's ~400 MB of NDJSON
 * is never held whole, and each chunk can be read on its own, on any thread.
 */
export async function* lineChunks(gzipped: Buffer): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const piece of Readable.from([gzipped]).pipe(createGunzip({ chunkSize: 1 << 20 })) as AsyncIterable<Buffer>) {
    const text: Buffer = rest.length > 0 ? Buffer.concat([rest, piece]) : piece;
    const end = text.lastIndexOf(0x0a) + 1;
    if (end > 0) yield text.subarray(0, end);
    rest = text.subarray(end);
  }
  if (rest.length > 0) yield rest;
}

/** The body's changes, checked and ready to store, a chunk at a time. */
export async function* decodeBody(gzipped: Buffer): AsyncGenerator<ContentRow[]> {
  for await (const chunk of lineChunks(gzipped)) yield readChunk(chunk);
}
