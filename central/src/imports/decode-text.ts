import { isAscii } from 'node:buffer';
import { AppError } from '@sunshine/contracts';
import iconv from 'iconv-lite';
import { detectAll } from 'jschardet';

/** The encodings a CSV is read in: UTF-8 (with or without BOM), and GB18030, the superset of GBK. */
type CsvEncoding = 'utf8' | 'gb18030';

// Text from the first non-ASCII byte on: enough for the detector to tell GB18030 from Big5 or
// Shift-JIS by its statistics, small enough to hold while the rest of the file waits.
const SAMPLE_BYTES = 64 * 1024;
// What the detector chooses among: the CJK legacy encodings a file could come in and the
// Unicode forms. cp1252 stands for "none of these" (without it jschardet warns on stderr).
const CANDIDATES = ['utf-8', 'gb18030', 'big5', 'shift_jis', 'cp932', 'euc-jp', 'euc-kr', 'cp949', 'johab', 'utf-16', 'utf-32', 'cp1252'];
const LOOKS_LIKE: Record<string, string> = {
  big5: '繁体中文 Big5 编码',
  shift_jis: '日文 Shift-JIS 编码',
  cp932: '日文 Shift-JIS 编码',
  'euc-jp': '日文 EUC-JP 编码',
  'euc-kr': '韩文编码',
  cp949: '韩文编码',
  johab: '韩文编码',
};
const ACCEPTED = '系统只接受 UTF-8 或 GBK（GB18030）编码的 CSV 文件';
const SAVE_AS = '请在 Excel 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）”，再重新上传';

const refuse = (what: string) => new AppError('unknown_encoding', `${what}。${ACCEPTED}，${SAVE_AS}`);

/**
 * Decodes a CSV's bytes into text as they arrive. ASCII is the same in every accepted
 * encoding, so the decision waits for the first non-ASCII byte and is made on the 64 KB from
 * there: valid UTF-8 is UTF-8 (a BOM is dropped); otherwise jschardet must rank GB18030 first
 * among the CJK encodings. Anything else (Big5, Shift-JIS, UTF-16, a binary file, too little
 * text to tell) is refused with `unknown_encoding`, and so is any later byte that does not
 * decode (it would become U+FFFD, a name garbled for good): nothing half-read is kept.
 * iconv-lite's stream decoder carries a character split between two chunks over to the next.
 */
export async function* decodeCsvText(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const lines = new LineCounter();
  const sample: Buffer[] = [];
  let sampled = 0;
  let decoder: Decoder | undefined;
  for await (const chunk of chunks) {
    // No CSV text has a NUL byte; UTF-16 text and binary files have many.
    if (chunk.includes(0)) throw refuse('文件不是文本格式的 CSV（可能是 Unicode 文本、图片或其他文件）');
    if (decoder) {
      yield decoder.write(chunk);
      continue;
    }
    const start = sampled > 0 ? 0 : firstNonAscii(chunk);
    if (start === -1) {
      yield lines.pass(chunk.toString('latin1'));
      continue;
    }
    if (start > 0) yield lines.pass(chunk.toString('latin1', 0, start));
    sample.push(chunk.subarray(start));
    sampled += chunk.length - start;
    if (sampled < SAMPLE_BYTES) continue;
    const bytes = Buffer.concat(sample);
    decoder = new Decoder(detectEncoding(bytes, false), lines);
    yield decoder.write(bytes);
  }
  if (!decoder && sampled > 0) {
    const bytes = Buffer.concat(sample);
    decoder = new Decoder(detectEncoding(bytes, true), lines);
    yield decoder.write(bytes);
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

/** UTF-8 when `sample` is valid UTF-8 (its last character may be cut unless `complete`), else GB18030 if the detector ranks it first. */
function detectEncoding(sample: Buffer, complete: boolean): CsvEncoding {
  if (isUtf8Text(sample, complete)) return 'utf8';
  const [best] = detectAll(sample, { minimumThreshold: 0, detectEncodings: CANDIDATES });
  const name = best?.encoding?.toLowerCase();
  if (name === 'gb18030') return 'gb18030';
  if (!name) throw refuse('文件不是文本格式的 CSV');
  const looksLike = LOOKS_LIKE[name];
  throw refuse(`无法确定文件的文字编码${looksLike ? `（看起来是${looksLike}）` : ''}`);
}

function isUtf8Text(sample: Buffer, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function firstNonAscii(chunk: Buffer): number {
  if (isAscii(chunk)) return -1;
  return chunk.findIndex((byte) => byte >= 0x80);
}

/** Counts the lines of the text passed on, so a character that does not decode is reported by its line. */
class LineCounter {
  private lines = 0;

  pass(text: string): string {
    this.lines += newlines(text);
    return text;
  }

  /** The line of the text passed on so far plus `before` that the next character is on. */
  lineAfter(before: string): number {
    return this.lines + newlines(before) + 1;
  }
}

/** iconv-lite's stream decoder for the chosen encoding; text with U+FFFD in it is refused. */
class Decoder {
  private readonly stream: iconv.DecoderStream;

  constructor(
    private readonly encoding: CsvEncoding,
    private readonly lines: LineCounter,
  ) {
    this.stream = iconv.getDecoder(encoding);
  }

  write(bytes: Buffer): string {
    return this.checked(this.stream.write(bytes));
  }

  end(): string {
    return this.checked(this.stream.end() ?? '');
  }

  private checked(text: string): string {
    const bad = text.indexOf('\uFFFD');
    if (bad === -1) return this.lines.pass(text);
    const name = this.encoding === 'utf8' ? 'UTF-8' : 'GBK（GB18030）';
    throw refuse(`文件第 ${this.lines.lineAfter(text.slice(0, bad))} 行有无法按 ${name} 识别的字符（文件可能混用了不同的编码，或已经是乱码）`);
  }
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
