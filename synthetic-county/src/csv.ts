import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';

/** Rows are stringified in batches: one call per row is slow, one call per file holds a million rows in memory. */
const BATCH = 5_000;

/**
 * Writes `rows` to `file` as CSV with a header of `columns` (in that order), streaming in
 * batches and waiting for the disk when the stream's buffer is full. Returns the row count.
 */
export async function writeCsv<T extends object>(file: string, columns: readonly string[], rows: Iterable<T>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  // Rejects on a stream error; handled now so an early failure is not an unhandled rejection,
  // and still thrown where it is awaited below.
  const closed = once(out, 'close');
  closed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (out.errored) throw out.errored;
    if (!out.write(text)) await once(out, 'drain');
  };
  let count = 0;
  let batch: T[] = [];
  await write(stringify([columns]));
  for (const row of rows) {
    batch.push(row);
    count++;
    if (batch.length === BATCH) {
      await write(stringify(batch, { columns: [...columns] }));
      batch = [];
    }
  }
  if (batch.length > 0) await write(stringify(batch, { columns: [...columns] }));
  out.end();
  await closed;
  return count;
}
