import { SyncChange } from '@sunshine/contracts';
import { SyncRefused } from './verify';

/**
 * Reads NDJSON sync changes line by line from a buffer, so a county-sized snapshot is never
 * turned into one giant string.
 */
export function* readChanges(body: Buffer): Generator<SyncChange> {
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    if (end > start) {
      const parsed = SyncChange.safeParse(JSON.parse(body.toString('utf8', start, end)));
      if (!parsed.success) throw new SyncRefused('bad_body', `bad sync change: ${parsed.error.message}`);
      yield parsed.data;
    }
    start = end + 1;
  }
}
