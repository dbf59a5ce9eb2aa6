import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './escpos';

describe('ESC/POS encoding', () => {
  it('turns Chinese mode on and sends hanzi and the full-width ￥ as GB18030', () => {
    const bytes = encodeReceipt([{ kind: 'text', text: '村委会 ￥12.00' }], 32);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1b, 0x40, 0x1c, 0x26]));
    expect(bytes.includes(iconv.encode('村委会 ￥12.00', 'gb18030'))).toBe(true);
    expect(bytes.includes(Buffer.from([0xa3, 0xa4]))).toBe(true);
  });
  it('stores an ASCII QR payload with its byte length, and refuses anything else', () => {
    const bytes = encodeReceipt([{ kind: 'qr', data: '004200001231' }], 32);
    expect(bytes.includes(Buffer.from([0x1d, 0x28, 0x6b, 15, 0, 0x31, 0x50, 0x30, ...Buffer.from('004200001231')]))).toBe(true);
    expect(() => encodeReceipt([{ kind: 'qr', data: '查询' }], 32)).toThrow(RangeError);
  });
  it('ends with a feed and a full cut', () => {
    const bytes = encodeReceipt([{ kind: 'text', text: 'x' }], 32);
    expect(bytes.includes(Buffer.from([0x1d, 0x56, 0x00]))).toBe(true);
  });
});
