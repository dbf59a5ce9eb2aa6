import { MessageChannel, Worker } from 'node:worker_threads';
import type { ContentBody } from '../../content/content-writer';
import { lineChunks } from '../ndjson';
import { fromFailure, type ChunkMessage, type WriterMessage } from './messages';

const DECODERS = 2;
// Chunks (about 1 MB of NDJSON each) handed out but not yet written: enough to keep every
// thread busy, few enough that a slow disk does not let decoded rows pile up in memory.
const IN_FLIGHT = 6;

const boot = new URL('./boot.mjs', import.meta.url);
const start = (entry: string, data: Record<string, unknown>, transferList: readonly unknown[]) =>
  new Worker(boot, { workerData: { entry: new URL(entry, import.meta.url).href, ...data }, transferList: transferList as never[] });

/**
 * Applies a large sync body off the main thread, so the kiosk keeps answering villagers
 * (from the version it holds) while a county-sized snapshot loads. This thread gunzips (on
 * libuv's pool) and deals out chunks of lines; two decoder threads parse and check them;
 * one writer thread writes all rows in ONE transaction on its own connection to the same
 * SQLite file, and commits only after the last line.
 */
export async function applyInThreads(file: string, body: ContentBody, gzipped: Buffer): Promise<number> {
  const channels = Array.from({ length: DECODERS }, () => new MessageChannel());
  const writerPorts = channels.map((c) => c.port1);
  const writer = start('./writer.worker.ts', { file, body, ports: writerPorts }, writerPorts);
  const decoders = channels.map((c) => start('./decoder.worker.ts', { port: c.port2 }, [c.port2]));
  let written = 0;
  let settled = false;
  let wake = () => {};
  const outcome = new Promise<number>((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    writer.on('message', (message: WriterMessage) => {
      if (message.kind === 'written') written++;
      else if (message.kind === 'done') resolve(message.applied);
      else fail(fromFailure(message));
      wake();
    });
    writer.once('error', fail);
    writer.once('exit', (code) => fail(new Error(`the content writer stopped (exit ${code}) before committing`)));
    for (const decoder of decoders) decoder.once('error', fail);
  }).finally(() => {
    settled = true;
    wake();
  });
  outcome.catch(() => undefined);
  try {
    let sent = 0;
    for await (const chunk of lineChunks(gzipped)) {
      while (!settled && sent - written >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
      if (settled) break;
      decoders[sent++ % DECODERS]?.postMessage({ kind: 'chunk', chunk } satisfies ChunkMessage);
    }
    for (const decoder of decoders) decoder.postMessage({ kind: 'end' } satisfies ChunkMessage);
    return await outcome;
  } finally {
    // Ending a thread closes its connection, which rolls back a transaction left open.
    await Promise.all([writer, ...decoders].map((w) => w.terminate()));
  }
}
