import type { SyncTable } from '@sunshine/contracts';
import type { ContentRow } from '../../content/content-rows';
import { SyncRefused } from '../sync-refused';

/** Main thread → a decoder: chunks of whole NDJSON lines, then the end. */
export type ChunkMessage = { kind: 'chunk'; chunk: Uint8Array } | { kind: 'end' };

/** Decoder → writer, over their own MessageChannel: one `rows` per chunk. */
export type DecoderMessage = { kind: 'rows'; rows: PackedRows } | { kind: 'end' } | ({ kind: 'failed' } & ThreadFailure);

/** Writer → main thread: `written` after each chunk's rows (the main thread's pace), then the outcome. */
export type WriterMessage = { kind: 'written' } | { kind: 'done'; applied: number } | ({ kind: 'failed' } & ThreadFailure);

export interface ThreadFailure {
  reason: SyncRefused['reason'] | null;
  message: string;
}

export const toFailure = (err: unknown): ThreadFailure => ({
  reason: err instanceof SyncRefused ? err.reason : null,
  message: err instanceof Error ? err.message : String(err),
});

export const fromFailure = (failure: ThreadFailure): Error =>
  failure.reason ? new SyncRefused(failure.reason, failure.message) : new Error(failure.message);

/**
 * Rows travel between threads as one flat array of strings: copying a million small
 * objects across threads costs twice as much as copying their strings.
 */
export type PackedRows = (string | null)[];

export function packRows(rows: ContentRow[]): PackedRows {
  const packed: PackedRows = [];
  for (const row of rows) packed.push(row.table, row.id, row.data, String(row.indexed.length), ...row.indexed);
  return packed;
}

export function* unpackRows(packed: PackedRows): Generator<ContentRow> {
  for (let i = 0; i < packed.length; ) {
    const [table, id, data, count] = [packed[i] as SyncTable, packed[i + 1] as string, packed[i + 2] as string | null, Number(packed[i + 3])];
    yield { table, id, data, indexed: packed.slice(i + 4, i + 4 + count) as string[] };
    i += 4 + count;
  }
}
