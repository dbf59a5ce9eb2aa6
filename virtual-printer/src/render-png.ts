import fs from 'node:fs';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { PrintedDocument, PrintedLine, TextRun } from './escpos-parser';

// Draws a document as the paper would look: font A cells of 12×24 dots for a
// single-byte character and 24×24 for a double-byte one, magnified by the run's size,
// at one pixel per dot. 80 mm paper is 576 dots wide, 58 mm is 384.

const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];
const FONT_FAMILY = 'Noto Sans CJK SC';
const CELL = 24;
const LINE_GAP = 8;
const MARGIN = 16;

let fontsLoaded = false;
function loadFonts(): void {
  if (fontsLoaded) return;
  fontsLoaded = true;
  for (const file of CJK_FONTS) if (fs.existsSync(file)) GlobalFonts.registerFromPath(file);
}

const cellWidth = (char: string) => ((char.codePointAt(0) ?? 0) < 0x80 ? CELL / 2 : CELL);
const runWidth = (run: TextRun) => [...run.text].reduce((w, ch) => w + cellWidth(ch) * run.width, 0);

function lineHeight(line: PrintedLine): number {
  if (line.kind === 'qr') return qrMatrix(line.data).size * line.moduleSize + LINE_GAP * 2;
  return CELL * Math.max(1, ...line.runs.map((r) => r.height)) + LINE_GAP;
}

function qrMatrix(data: string): { size: number; dark(r: number, c: number): boolean } {
  if (!data) return { size: 0, dark: () => false };
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (r, c) => modules.get(r, c) === 1 };
}

function offsetFor(align: 'left' | 'center' | 'right', width: number, paperDots: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperDots - width) / 2));
  if (align === 'right') return Math.max(0, paperDots - width);
  return 0;
}

function drawText(ctx: SKRSContext2D, line: Extract<PrintedLine, { kind: 'text' }>, y: number, paperDots: number, height: number): void {
  const total = line.runs.reduce((w, r) => w + runWidth(r), 0);
  let x = MARGIN + offsetFor(line.align, total, paperDots);
  for (const run of line.runs) {
    ctx.font = `${run.bold ? 'bold ' : ''}${CELL - 2}px "${FONT_FAMILY}"`;
    for (const char of run.text) {
      const w = cellWidth(char) * run.width;
      ctx.save();
      ctx.translate(x + w / 2, y + height - LINE_GAP);
      ctx.scale(run.width, run.height);
      ctx.fillText(char, 0, -3);
      ctx.restore();
      if (run.underline) ctx.fillRect(x, y + height - LINE_GAP + 1, w, 2);
      x += w;
    }
  }
}

function drawQr(ctx: SKRSContext2D, line: Extract<PrintedLine, { kind: 'qr' }>, y: number, paperDots: number): void {
  const qr = qrMatrix(line.data);
  const size = qr.size * line.moduleSize;
  const x0 = MARGIN + offsetFor(line.align, size, paperDots);
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (qr.dark(r, c)) ctx.fillRect(x0 + c * line.moduleSize, y + LINE_GAP + r * line.moduleSize, line.moduleSize, line.moduleSize);
    }
  }
}

/** A PNG of the document on white paper; an uncut document ends with a torn-edge warning. */
export function renderDocumentPng(doc: PrintedDocument, paperDots = 576): Buffer {
  loadFonts();
  const heights = doc.lines.map(lineHeight);
  const footer = 40;
  const height = MARGIN * 2 + heights.reduce((a, b) => a + b, 0) + footer;
  const canvas = createCanvas(paperDots + MARGIN * 2, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111111';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  let y = MARGIN;
  doc.lines.forEach((line, index) => {
    const h = heights[index] ?? 0;
    if (line.kind === 'qr') drawQr(ctx, line, y, paperDots);
    else drawText(ctx, line, y, paperDots, h);
    y += h;
  });
  ctx.font = `18px "${FONT_FAMILY}"`;
  ctx.fillStyle = doc.cut ? '#888888' : '#cc0000';
  ctx.fillText(doc.cut ? '- - - - - - - - 切纸 - - - - - - - -' : '！没有切纸：纸用完或打印中断', canvas.width / 2, y + 28);
  return canvas.toBuffer('image/png');
}
