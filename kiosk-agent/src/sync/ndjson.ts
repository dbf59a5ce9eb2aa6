import { SyncTable, type SyncChange } from '@sunshine/contracts';
import { z } from 'zod';
import { SyncRefused } from './verify';

// The envelope only: each record is checked against its own table's schema when it is
// applied, so parsing it here as well would copy a million records for nothing.
const Envelope = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), table: SyncTable, record: z.unknown() }),
  z.object({ op: z.literal('delete'), table: SyncTable, id: z.string() }),
]);

/**
 * Reads NDJSON sync changes line by line from a buffer, so a county-sized snapshot is never
 * turned into one giant string.
 */
export function* readChanges(body: Buffer): Generator<SyncChange> {
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    if (end > start) yield toChange(JSON.parse(body.toString('utf8', start, end)));
    start = end + 1;
  }
}

function toChange(line: unknown): SyncChange {
  const parsed = Envelope.safeParse(line);
  if (!parsed.success) throw new SyncRefused('bad_body', `bad sync change: ${parsed.error.message}`);
  const change = parsed.data;
  if (change.op === 'delete') return change;
  if (!isPlainObject(change.record)) throw new SyncRefused('bad_body', `sync upsert for ${change.table} has no record`);
  return { op: 'upsert', table: change.table, record: change.record };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
