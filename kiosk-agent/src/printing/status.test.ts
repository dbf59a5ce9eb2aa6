import { describe, expect, it } from 'vitest';
import { blockingReason, decodeStatus, parseTcpInterface } from './status';

describe('DLE EOT status decoding', () => {
  it('reads a healthy printer as ready', () => {
    expect(decodeStatus(0x12, 0x12, 0x12)).toBe('ready');
  });
  it('reads cover open, paper end and paper near end', () => {
    expect(decodeStatus(0x1a, 0x16, 0x12)).toBe('cover_open');
    expect(decodeStatus(0x1a, 0x32, 0x7e)).toBe('paper_out');
    expect(decodeStatus(0x12, 0x12, 0x1e)).toBe('paper_low');
  });
  it('treats an offline bit or a byte that is not a status reply as offline', () => {
    expect(decodeStatus(0x1a, 0x12, 0x12)).toBe('offline');
    expect(decodeStatus(0x00, 0x12, 0x12)).toBe('offline');
  });
  it('blocks printing only when the printer cannot print, in plain Chinese', () => {
    expect(blockingReason('ready')).toBeNull();
    expect(blockingReason('paper_low')).toBeNull();
    expect(blockingReason('paper_out')).toMatch(/没有纸/);
  });
  it('parses tcp interfaces and leaves device paths without a back channel', () => {
    expect(parseTcpInterface('tcp://127.0.0.1:9100')).toEqual({ host: '127.0.0.1', port: 9100 });
    expect(parseTcpInterface('tcp://printer')).toEqual({ host: 'printer', port: 9100 });
    expect(parseTcpInterface('/dev/usb/lp0')).toBeNull();
  });
});
