import path from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { beginContentWrite, type ContentBody, type ContentWrite } from '../../content/content-writer';
import { openDatabase } from '../../platform/database';
import { toFailure, unpackRows, type DecoderMessage, type WriterMessage } from './messages';

// Writes every decoder's rows in ONE transaction on its own connection; commits after the last decoder's end.
const { file, body, ports } = workerData as { file: string; body: ContentBody; ports: MessagePort[] };
const db = openDatabase(path.dirname(file));
// 64 MB of page cache while bulk-loading; it goes when this thread ends with the import.
db.pragma('cache_size = -65536');
const tell = (message: WriterMessage) => parentPort?.postMessage(message);

let write: ContentWrite | undefined;
function finish(outcome: WriterMessage): void {
  write = undefined;
  db.close();
  for (const port of ports) port.close();
  tell(outcome);
}

try {
  write = beginContentWrite(db, body);
} catch (err) {
  finish({ kind: 'failed', ...toFailure(err) });
}

let ended = 0;
for (const port of ports) {
  port.on('message', (message: DecoderMessage) => {
    if (!write) return;
    try {
      if (message.kind === 'rows') {
        write.write(unpackRows(message.rows));
        tell({ kind: 'written' });
      } else if (message.kind === 'end') {
        if (++ended === ports.length) finish({ kind: 'done', applied: write.commit() });
      } else {
        write.rollback();
        finish(message);
      }
    } catch (err) {
      write.rollback();
      finish({ kind: 'failed', ...toFailure(err) });
    }
  });
}
