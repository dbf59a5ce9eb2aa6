import net from 'node:net';
import type { PrinterState } from '@sunshine/contracts';

// Real-time status (DLE EOT n) on its own connection, never mixed with a job's bytes.
// A printer answers each query with one byte even while it cannot print, so silence
// past the timeout means the printer is off, unplugged or hung: offline.

const QUERIES = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);

/** `tcp://host:port` → where to ask; a device path has no back channel (null). */
export function parseTcpInterface(printerInterface: string): { host: string; port: number } | null {
  const match = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i.exec(printerInterface);
  if (!match?.[1]) return null;
  return { host: match[1], port: Number(match[2] ?? 9100) };
}

/**
 * Decodes the replies to DLE EOT 1 (printer), 2 (offline cause) and 4 (paper sensor).
 * Worst first: offline, cover open, paper out, paper near end, else ready.
 */
export function decodeStatus(printer: number, offlineCause: number, paper: number): PrinterState {
  // Each reply has bit 4 set and bit 7 clear; anything else is not a status byte.
  if ([printer, offlineCause, paper].some((b) => (b & 0x90) !== 0x10)) return 'offline';
  if (offlineCause & 0x04) return 'cover_open';
  if (paper & 0x60 || offlineCause & 0x20) return 'paper_out';
  if (printer & 0x08) return 'offline';
  if (paper & 0x0c) return 'paper_low';
  return 'ready';
}

/** Asks a network printer for its state; resolves (never rejects) within about `timeoutMs`. */
export function queryPrinterStatus(target: { host: string; port: number }, timeoutMs: number): Promise<PrinterState> {
  return new Promise((resolve) => {
    const replies: number[] = [];
    const socket = net.connect({ host: target.host, port: target.port });
    const finish = (state: PrinterState) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(state);
    };
    const timer = setTimeout(() => finish('offline'), timeoutMs);
    socket.once('connect', () => socket.write(QUERIES));
    socket.on('data', (chunk: Buffer) => {
      replies.push(...chunk);
      const [a, b, c] = replies;
      if (a !== undefined && b !== undefined && c !== undefined) finish(decodeStatus(a, b, c));
    });
    socket.on('error', () => finish('offline'));
    socket.on('close', () => finish('offline'));
  });
}

/** Plain Chinese for the villager: why a job cannot print now. Null when it can. */
export function blockingReason(state: PrinterState): string | null {
  switch (state) {
    case 'offline':
      return '打印机没有连接上，暂时不能打印。请找工作人员检查打印机，也可以把屏幕上的信息抄下来。';
    case 'cover_open':
      return '打印机的盖子没有关好，暂时不能打印。请找工作人员处理。';
    case 'paper_out':
      return '打印机没有纸了，暂时不能打印。请找工作人员加纸后再打印。';
    default:
      return null;
  }
}

/** Plain Chinese when the printer failed after the bytes were sent: the paper may be incomplete. */
export function failedDuringReason(state: PrinterState): string {
  switch (state) {
    case 'paper_out':
      return '打印时纸用完了，凭条可能没有打完。请找工作人员加纸后重新打印。';
    case 'cover_open':
      return '打印时打印机盖子被打开了，凭条可能没有打完。请找工作人员处理后重新打印。';
    default:
      return '打印时打印机断开了，凭条可能没有打完。请找工作人员检查后重新打印。';
  }
}
