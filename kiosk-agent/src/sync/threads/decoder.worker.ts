import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { readChunk } from '../ndjson';
import { packRows, toFailure, type ChunkMessage, type DecoderMessage } from './messages';

// Reads and checks the chunks the main thread hands it, and passes their rows to the writer.
const { port } = workerData as { port: MessagePort };
const send = (message: DecoderMessage) => port.postMessage(message);
let failed = false;

parentPort?.on('message', (message: ChunkMessage) => {
  if (failed) return;
  if (message.kind === 'end') return send({ kind: 'end' });
  try {
    const { buffer, byteOffset, byteLength } = message.chunk;
    send({ kind: 'rows', rows: packRows(readChunk(Buffer.from(buffer, byteOffset, byteLength))) });
  } catch (err) {
    failed = true;
    send({ kind: 'failed', ...toFailure(err) });
  }
});
