import { AppError } from '@sunshine/contracts';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvText } from './decode-text';

// 喆, 堃, 昇 and 珺 are in GBK but not GB2312; 𠮷 is only in GB18030 (four bytes).
const NAMES = 'id,recipientName,department\r\np-1,张喆,县民政局\r\np-2,李堃,县民政局\r\np-3,王昇,县民政局\r\np-4,赵珺,县民政局\r\n';

async function decode(chunks: Buffer[]): Promise<string> {
  let text = '';
  for await (const part of decodeCsvText((async function* () {
    yield* chunks;
  })())) text += part;
  return text;
}

/** `bytes` cut into pieces of `size` bytes, the way a socket may deliver them. */
const pieces = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('the text was accepted'),
    (err: unknown) => {
      expect(err).toBeInstanceOf(AppError);
      return err as AppError;
    },
  );

describe('decodeCsvText', () => {
  it('decodes GBK the same wherever the bytes are split between chunks', async () => {
    const bytes = iconv.encode(NAMES, 'gbk');
    for (let cut = 1; cut < bytes.length; cut++) expect(await decode([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(NAMES);
    expect(await decode(pieces(bytes, 1))).toBe(NAMES);
  });

  it('decodes GB18030 four-byte characters split across chunks', async () => {
    const text = `${NAMES}p-5,吉𠮷,县民政局\r\n`;
    for (const size of [1, 2, 3, 5]) expect(await decode(pieces(iconv.encode(text, 'gb18030'), size))).toBe(text);
  });

  it('reads UTF-8 with or without a BOM, and drops the BOM', async () => {
    expect(await decode(pieces(Buffer.from(NAMES), 3))).toBe(NAMES);
    expect(await decode(pieces(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAMES)]), 1))).toBe(NAMES);
  });

  it('decides on the first non-ASCII text, however far into the file it comes', async () => {
    const ascii = 'p-0,Zhang San,county\r\n'.repeat(5000);
    const text = ascii + NAMES;
    expect(await decode(pieces(iconv.encode(text, 'gbk'), 4096))).toBe(text);
  });

  it('refuses bytes that are not UTF-8 after a UTF-8 start, naming their line', async () => {
    const utf8 = Buffer.from('p-0,张三,县民政局\r\n'.repeat(5000));
    const err = await refusal(decode(pieces(Buffer.concat([utf8, iconv.encode('p-1,李堃,县民政局\r\n', 'gbk')]), 4096)));
    expect(err.code).toBe('unknown_encoding');
    expect(err.message).toContain('文件第 5001 行有无法按 UTF-8 识别的字符');
  });

  it('refuses text already holding replacement characters', async () => {
    const err = await refusal(decode([Buffer.from('id,recipientName\r\np-1,张\uFFFD\r\n')]));
    expect(err.message).toContain('文件第 2 行');
  });

  it.each([
    ['Big5', iconv.encode('id,recipientName,department\r\np-1,陳建國,縣民政局\r\np-2,黃志明,縣民政局\r\n', 'big5'), '繁体中文 Big5'],
    ['Shift-JIS', iconv.encode('id,recipientName,department\r\np-1,山田太郎,東京都港区\r\np-2,鈴木花子,県民政局\r\n', 'shift_jis'), '日文 Shift-JIS'],
    ['UTF-16', iconv.encode(NAMES, 'utf16le', { addBOM: true }), '不是文本格式'],
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), '不是文本格式'],
  ])('refuses %s, saying which encodings are accepted', async (_name, bytes, says) => {
    const err = await refusal(decode([bytes]));
    expect(err.code).toBe('unknown_encoding');
    expect(err.message).toContain(says);
    expect(err.message).toContain('系统只接受 UTF-8 或 GBK（GB18030）编码的 CSV 文件');
  });
});
