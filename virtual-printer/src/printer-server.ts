import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { documentText, hasContent, parseEscPos, type PrintedDocument } from './escpos-parser';
import { renderDocumentPng } from './render-png';

/** One receipt: what came off the paper between two cuts (or until the paper ran out). */
export interface Receipt {
  id: number;
  receivedAt: string;
  /** `performance.now()` when its connection's last byte arrived (for latency benchmarks). */
  lastByteAt: number;
  /** The printable bytes of the connection that printed it. */
  bytes: Buffer;
  document: PrintedDocument;
  /** Decoded text, one printed line per line; QR codes as `[QR:payload]`. */
  text: string;
  qr: string[];
  /** Cut and not truncated: the whole receipt came out. */
  complete: boolean;
}

export type PaperState = 'ok' | 'near_end' | 'out';

/** The simulated printer. `paperLeftBytes` runs the paper out after that many more print bytes. */
export interface SimulatedState {
  online: boolean;
  coverOpen: boolean;
  paper: PaperState;
  paperLeftBytes: number | null;
}

export interface PrinterServerOptions {
  /** Paper width in dots for previews: 576 (80 mm, default) or 384 (58 mm). */
  paperDots?: number;
  /** When set, each receipt is also written there as `<time>-<id>.txt` and `.png`. */
  outDir?: string;
}

/** Receipts kept in memory (and listed on the page). */
export const MAX_RECEIPTS = 500;

const DLE = 0x10;
const EOT = 0x04;
// Every reply has bits 1 and 4 set and bit 7 clear (EPSON "fixed" bits).
const FIXED = 0x12;

/** `20261126T224842788Z-3`: sorts by time and never collides across restarts. */
export function receiptFileName(receipt: Pick<Receipt, 'id' | 'receivedAt'>): string {
  return `${receipt.receivedAt.replace(/[-:.]/g, '')}-${receipt.id}`;
}

/** The replies to DLE EOT 1 (printer), 2 (offline cause) and 4 (roll paper sensor). */
export function statusByte(n: number, s: SimulatedState): number {
  const paperOut = s.paper === 'out';
  if (n === 1) return FIXED | (s.coverOpen || paperOut ? 0x08 : 0);
  if (n === 2) return FIXED | (s.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
  if (n === 4) return FIXED | (s.paper === 'near_end' ? 0x0c : 0) | (paperOut ? 0x6c : 0);
  return FIXED;
}

/**
 * A loopback ESC/POS printer: decodes what it is sent into receipts (text and PNG),
 * answers real-time status requests (DLE EOT n) from its simulated state, and can be
 * taken offline (it then answers nothing), have its cover opened or its paper run out.
 */
export function createPrinterServer(options: PrinterServerOptions = {}) {
  const receipts: Receipt[] = [];
  const events = new EventEmitter<{ receipt: [Receipt] }>();
  const state: SimulatedState = { online: true, coverOpen: false, paper: 'ok', paperLeftBytes: null };
  const pngs = new Map<number, Buffer>();
  let nextId = 1;

  const canPrint = () => state.online && !state.coverOpen && state.paper !== 'out';

  /** Takes the bytes the paper allows; runs the paper out when the budget is spent. */
  function feedPaper(bytes: Buffer): { taken: Buffer; truncated: boolean } {
    if (!canPrint()) return { taken: Buffer.alloc(0), truncated: bytes.length > 0 };
    if (state.paperLeftBytes === null) return { taken: bytes, truncated: false };
    const n = Math.min(bytes.length, state.paperLeftBytes);
    state.paperLeftBytes -= n;
    if (state.paperLeftBytes === 0) Object.assign(state, { paper: 'out', paperLeftBytes: null });
    return { taken: bytes.subarray(0, n), truncated: n < bytes.length };
  }

  function keep(bytes: Buffer, truncated: boolean, lastByteAt: number): void {
    for (const document of parseEscPos(bytes).filter(hasContent)) {
      const complete = document.cut && !truncated;
      const text = documentText(document).replace(/\n+$/, '');
      const qr = document.lines.flatMap((l) => (l.kind === 'qr' ? [l.data] : []));
      const receipt: Receipt = { id: nextId++, receivedAt: new Date().toISOString(), lastByteAt, bytes, document: { ...document, cut: complete }, text, qr, complete };
      receipts.push(receipt);
      // A long demo must not grow without bound: the oldest receipts are forgotten.
      for (const old of receipts.splice(0, Math.max(0, receipts.length - MAX_RECEIPTS))) pngs.delete(old.id);
      if (options.outDir) {
        fs.mkdirSync(options.outDir, { recursive: true });
        const name = receiptFileName(receipt);
        fs.writeFileSync(path.join(options.outDir, `${name}.txt`), text + '\n');
        fs.writeFileSync(path.join(options.outDir, `${name}.png`), preview(receipt));
      }
      events.emit('receipt', receipt);
    }
  }

  function preview(receipt: Receipt): Buffer {
    let png = pngs.get(receipt.id);
    if (!png) {
      png = renderDocumentPng(receipt.document, options.paperDots ?? 576);
      pngs.set(receipt.id, png);
    }
    return png;
  }

  const server = net.createServer((socket) => {
    const printed: Buffer[] = [];
    let truncated = false;
    let lastByteAt = 0;
    let carry = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      lastByteAt = performance.now();
      const data = Buffer.concat([carry, chunk]);
      carry = Buffer.alloc(0);
      const body: number[] = [];
      for (let i = 0; i < data.length; i++) {
        const b = data[i] ?? 0;
        if (b !== DLE) {
          body.push(b);
          continue;
        }
        // DLE EOT n may be split across chunks: keep the start for the next one.
        if (i + 1 >= data.length || (data[i + 1] === EOT && i + 2 >= data.length)) {
          carry = data.subarray(i);
          break;
        }
        if (data[i + 1] !== EOT) {
          body.push(b);
          continue;
        }
        if (state.online) socket.write(Buffer.from([statusByte(data[i + 2] ?? 0, state)]));
        i += 2;
      }
      const fed = feedPaper(Buffer.from(body));
      printed.push(fed.taken);
      truncated ||= fed.truncated;
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const bytes = Buffer.concat(printed);
      if (bytes.length > 0) keep(bytes, truncated, lastByteAt);
    });
  });

  return {
    server,
    receipts,
    events,
    getState: (): SimulatedState => ({ ...state }),
    setState(patch: Partial<SimulatedState>): SimulatedState {
      Object.assign(state, patch);
      return { ...state };
    },
    preview,
    clear(): void {
      receipts.length = 0;
      pngs.clear();
    },
    /** Resolves with the receipts once there are at least `count`; rejects after `timeoutMs`. */
    waitForReceipts(count: number, timeoutMs = 5000): Promise<Receipt[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (receipts.length < count) return;
          cleanup();
          resolve([...receipts]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`expected ${count} receipts, got ${receipts.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          events.off('receipt', check);
        };
        events.on('receipt', check);
        check();
      });
    },
  };
}

export type PrinterServer = ReturnType<typeof createPrinterServer>;
