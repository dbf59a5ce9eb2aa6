// Column math for a GB18030 thermal printer in Chinese mode: every single-byte (ASCII)
// character takes one column (12 dots in font A) and every double-byte character —
// hanzi, full-width ￥, Chinese punctuation — takes two (24 dots). JS string length
// counts neither correctly, so every layout goes through these helpers.

/** Columns of font A at normal size: 58 mm paper prints 32, 80 mm prints 48. */
export function columnsFor(paperMm: 58 | 80): number {
  return paperMm === 58 ? 32 : 48;
}

/** Printer columns taken by one character. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : 2;
}

/** Printer columns taken by `text`. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Pads `text` with spaces on the right up to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Pads `text` with spaces on the left up to `width` columns. */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}

/**
 * Breaks `text` into lines of at most `width` columns, never splitting a character.
 * ASCII words (digits, latin) are kept whole when they fit on a line.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[\x21-\x7e]+|\s+|[^\x21-\x7e\s]/gu) ?? [];
    let line = '';
    for (const token of tokens) {
      if (textWidth(line) + textWidth(token) <= width) {
        line += token;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
      while (textWidth(line) > width) {
        const head = cut(line, width);
        lines.push(head);
        line = line.slice(head.length);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The longest prefix of `text` that fits in `width` columns. */
function cut(text: string, width: number): string {
  let out = '';
  for (const char of text) {
    if (textWidth(out) + charWidth(char) > width) break;
    out += char;
  }
  return out;
}

/**
 * One line with `left` flush left and `right` flush right. When both do not fit,
 * `left` wraps and `right` goes flush right on the last line.
 */
export function leftRight(left: string, right: string, width: number): string[] {
  const gap = 1;
  if (textWidth(left) + gap + textWidth(right) <= width) {
    return [left + ' '.repeat(width - textWidth(left) - textWidth(right)) + right];
  }
  const lines = wrap(left, width);
  const last = lines[lines.length - 1] ?? '';
  if (textWidth(last) + gap + textWidth(right) <= width) {
    lines[lines.length - 1] = last + ' '.repeat(width - textWidth(last) - textWidth(right)) + right;
  } else {
    lines.push(padStart(right, width));
  }
  return lines;
}
