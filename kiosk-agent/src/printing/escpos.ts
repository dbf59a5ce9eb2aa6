import iconv from 'iconv-lite';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { ReceiptLine } from './receipt-model';

// Receipt lines → ESC/POS bytes through node-thermal-printer (EPSON). The library's own
// Chinese handling is broken (it encodes per character and hops code pages, see
// shared/DEPENDENCIES.md), so text goes in as our own GB18030 bytes after FS &.

const ESC_INIT = Buffer.from([0x1b, 0x40]);
const FS_CHINESE_ON = Buffer.from([0x1c, 0x26]);
const LF = Buffer.from([0x0a]);
/** GS ! n: bits 4–7 width − 1, bits 0–3 height − 1; applies to ASCII and hanzi alike. */
const sizeCommand = (size: 1 | 2) => Buffer.from([0x1d, 0x21, size === 2 ? 0x11 : 0x00]);
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** A node-thermal-printer instance for `printerInterface` with `columns` characters per line. */
export function createThermalPrinter(printerInterface: string, columns: number, timeoutMs: number): ThermalPrinter {
  return new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: printerInterface,
    width: columns,
    options: { timeout: timeoutMs },
  });
}

/** Appends `lines` to the printer's buffer, then feeds and cuts. */
export function appendReceipt(printer: ThermalPrinter, lines: ReceiptLine[]): void {
  printer.clear();
  printer.add(ESC_INIT);
  printer.add(FS_CHINESE_ON);
  for (const line of lines) {
    if (line.kind === 'feed') {
      for (let i = 0; i < line.lines; i++) printer.add(LF);
    } else if (line.kind === 'qr') {
      if (!PRINTABLE_ASCII.test(line.data)) throw new RangeError('QR payloads must be printable ASCII');
      printer.alignCenter();
      printer.printQR(line.data, { cellSize: 6, correction: 'M', model: 2 });
      printer.add(LF);
    } else {
      appendText(printer, line);
    }
  }
  printer.add(LF);
  printer.cut();
}

function appendText(printer: ThermalPrinter, line: Extract<ReceiptLine, { kind: 'text' }>): void {
  if (line.align === 'center') printer.alignCenter();
  else if (line.align === 'right') printer.alignRight();
  else printer.alignLeft();
  printer.bold(line.bold ?? false);
  printer.add(sizeCommand(line.size ?? 1));
  printer.add(iconv.encode(line.text, 'gb18030'));
  printer.add(LF);
  if (line.size === 2) printer.add(sizeCommand(1));
}

/** The bytes of one receipt, built without touching the printer. */
export function encodeReceipt(lines: ReceiptLine[], columns: number): Buffer {
  const printer = createThermalPrinter('tcp://127.0.0.1:9', columns, 1000);
  appendReceipt(printer, lines);
  return printer.getBuffer();
}
