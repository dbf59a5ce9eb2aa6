import iconv from 'iconv-lite';

// Decodes the ESC/POS an EPSON-compatible printer understands into printed lines.
// Text is GB18030 while Chinese mode is on (FS &) and ASCII otherwise: a high byte
// outside Chinese mode is shown as U+FFFD, exactly the bug a real printer would print
// as garbage. Commands it does not know are skipped by their documented length.

export type Align = 'left' | 'center' | 'right';

export interface TextRun {
  text: string;
  bold: boolean;
  underline: boolean;
  /** Character magnification, 1..8. */
  width: number;
  height: number;
}

export type PrintedLine =
  | { kind: 'text'; align: Align; runs: TextRun[] }
  | { kind: 'qr'; align: Align; data: string; moduleSize: number };

/** What came off the paper between two cuts. */
export interface PrintedDocument {
  lines: PrintedLine[];
  cut: boolean;
}

interface Style {
  align: Align;
  bold: boolean;
  underline: boolean;
  escWidth: number;
  escHeight: number;
  gsWidth: number;
  gsHeight: number;
  chinese: boolean;
}

const initialStyle = (): Style => ({
  align: 'left',
  bold: false,
  underline: false,
  escWidth: 1,
  escHeight: 1,
  gsWidth: 1,
  gsHeight: 1,
  chinese: false,
});
const ALIGNS: Align[] = ['left', 'center', 'right'];

/** Parses a byte stream into documents split at each cut; a trailing uncut part has `cut: false`. */
export function parseEscPos(bytes: Buffer): PrintedDocument[] {
  return new EscPosParser(bytes).parse();
}

class EscPosParser {
  private i = 0;
  private style = initialStyle();
  private docs: PrintedDocument[] = [];
  private lines: PrintedLine[] = [];
  private runs: TextRun[] = [];
  private pending: number[] = [];
  private lineAlign: Align = 'left';
  private qrData = '';
  private qrModule = 3;

  constructor(private readonly bytes: Buffer) {}

  parse(): PrintedDocument[] {
    while (this.i < this.bytes.length) this.step(this.byte(this.i++));
    this.flushRun();
    if (this.runs.length) this.endLine();
    if (this.lines.length) this.docs.push({ lines: this.lines, cut: false });
    return this.docs;
  }

  private byte(at: number): number {
    return this.bytes[at] ?? 0;
  }

  private step(b: number): void {
    if (b === 0x1b) return this.esc(this.byte(this.i++));
    if (b === 0x1d) return this.gs(this.byte(this.i++));
    if (b === 0x1c) return this.fs(this.byte(this.i++));
    if (b === 0x10) return this.dle(this.byte(this.i++));
    if (b === 0x0a) return this.endLine();
    if (b === 0x09) return this.text([0x20, 0x20, 0x20, 0x20]);
    if (b < 0x20) return; // CR and other controls do nothing visible
    this.text([b]);
  }

  private text(bytes: number[]): void {
    if (this.runs.length === 0 && this.pending.length === 0) this.lineAlign = this.style.align;
    this.pending.push(...bytes);
  }

  /** Closes the current run of same-styled bytes, decoding it. */
  private flushRun(): void {
    if (this.pending.length === 0) return;
    const raw = Buffer.from(this.pending);
    const text = this.style.chinese
      ? iconv.decode(raw, 'gb18030')
      : [...raw].map((c) => (c < 0x80 ? String.fromCharCode(c) : '\uFFFD')).join('');
    const s = this.style;
    this.runs.push({
      text,
      bold: s.bold,
      underline: s.underline,
      width: Math.max(s.escWidth, s.gsWidth),
      height: Math.max(s.escHeight, s.gsHeight),
    });
    this.pending = [];
  }

  private restyle(change: (s: Style) => void): void {
    this.flushRun();
    change(this.style);
  }

  private endLine(): void {
    this.flushRun();
    this.lines.push({ kind: 'text', align: this.runs.length ? this.lineAlign : this.style.align, runs: this.runs });
    this.runs = [];
  }

  private cut(): void {
    this.flushRun();
    if (this.runs.length) this.endLine();
    this.docs.push({ lines: this.lines, cut: true });
    this.lines = [];
  }

  private skip(n: number): void {
    this.i += n;
  }

  private esc(c: number): void {
    const n = this.byte(this.i);
    switch (c) {
      case 0x40: // ESC @ initialise
        return this.restyle((s) => Object.assign(s, initialStyle()));
      case 0x21: // ESC ! print mode
        this.skip(1);
        return this.restyle((s) => {
          s.bold = (n & 0x08) !== 0;
          s.escHeight = n & 0x10 ? 2 : 1;
          s.escWidth = n & 0x20 ? 2 : 1;
          s.underline = (n & 0x80) !== 0;
        });
      case 0x45: // ESC E bold
        this.skip(1);
        return this.restyle((s) => (s.bold = (n & 1) === 1));
      case 0x2d: // ESC - underline
        this.skip(1);
        return this.restyle((s) => (s.underline = n % 48 !== 0));
      case 0x61: // ESC a justification
        this.skip(1);
        return this.restyle((s) => (s.align = ALIGNS[n % 48] ?? 'left'));
      case 0x64: // ESC d n: print and feed n lines
        this.skip(1);
        if (this.runs.length || this.pending.length) this.endLine();
        for (let k = 0; k < n; k++) this.endLine();
        return;
      case 0x4a: // ESC J n: feed n dots
        return this.skip(1);
      case 0x70: // ESC p m t1 t2: cash drawer
        return this.skip(3);
      case 0x42: // ESC B n t: buzzer
        return this.skip(2);
      case 0x32: // ESC 2: default line spacing
        return;
      default: // ESC 3 n, ESC M n, ESC t n, ESC { n, ESC = n, ESC G n, ESC V n, ESC SP n, ...
        return this.skip(1);
    }
  }

  private gs(c: number): void {
    const n = this.byte(this.i);
    switch (c) {
      case 0x21: // GS ! size
        this.skip(1);
        return this.restyle((s) => {
          s.gsWidth = ((n >> 4) & 0x07) + 1;
          s.gsHeight = (n & 0x07) + 1;
        });
      case 0x56: // GS V cut
        this.skip(n === 65 || n === 66 ? 2 : 1);
        return this.cut();
      case 0x28: // GS ( k and friends: pL pH then pL + 256 pH bytes
        return this.gsParen();
      case 0x76: {
        // GS v 0 m xL xH yL yH raster image
        const x = this.byte(this.i + 2) + 256 * this.byte(this.i + 3);
        const y = this.byte(this.i + 4) + 256 * this.byte(this.i + 5);
        return this.skip(6 + x * y);
      }
      case 0x6b: // GS k barcode
        return this.barcode(n);
      case 0x4c: // GS L nL nH
      case 0x57: // GS W nL nH
        return this.skip(2);
      default: // GS B n, GS H n, GS h n, GS w n, GS f n, GS r n, GS a n ...
        return this.skip(1);
    }
  }

  private gsParen(): void {
    const fnClass = this.byte(this.i);
    const len = this.byte(this.i + 1) + 256 * this.byte(this.i + 2);
    const body = this.bytes.subarray(this.i + 3, this.i + 3 + len);
    this.skip(3 + len);
    if (fnClass !== 0x6b || body[0] !== 0x31) return; // only QR (cn 49) matters
    const fn = body[1];
    if (fn === 0x43) this.qrModule = body[2] ?? 3;
    if (fn === 0x50) this.qrData = body.subarray(3).toString('latin1');
    if (fn === 0x51) {
      this.flushRun();
      if (this.runs.length) this.endLine();
      this.lines.push({ kind: 'qr', align: this.style.align, data: this.qrData, moduleSize: this.qrModule });
    }
  }

  private barcode(m: number): void {
    this.skip(1);
    if (m <= 6) {
      while (this.i < this.bytes.length && this.byte(this.i) !== 0) this.i++;
      return this.skip(1);
    }
    this.skip(1 + this.byte(this.i));
  }

  private fs(c: number): void {
    switch (c) {
      case 0x26: // FS & Chinese mode on
        return this.restyle((s) => (s.chinese = true));
      case 0x2e: // FS . Chinese mode off
        return this.restyle((s) => (s.chinese = false));
      case 0x53: // FS S n1 n2
        return this.skip(2);
      default: // FS ! n, FS - n, FS W n, FS C n
        return this.skip(1);
    }
  }

  private dle(c: number): void {
    // DLE EOT n and DLE ENQ n are real-time: answered by the server, not printed.
    if (c === 0x04 || c === 0x05) return this.skip(1);
    if (c === 0x14) return this.skip(3);
  }
}

/** A document as plain text, one printed line per text line; a QR code as `[QR:payload]`. */
export function documentText(doc: PrintedDocument): string {
  return doc.lines.map((l) => (l.kind === 'qr' ? `[QR:${l.data}]` : l.runs.map((r) => r.text).join(''))).join('\n');
}

/** True when the document put anything on paper besides blank feeds. */
export function hasContent(doc: PrintedDocument): boolean {
  return doc.lines.some((l) => l.kind === 'qr' || l.runs.some((r) => r.text.trim() !== ''));
}
