import { gzipSync } from 'node:zlib';
import type { Notice } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { decodeBody, readLine } from './ndjson';
import { SyncRefused } from './sync-refused';

export const notice = (id: string, title = '村务公告'): Notice => ({
  id,
  version: 2,
  updatedAt: '2026-03-01T08:00:00.000Z',
  sourceImportId: 'import-1',
  title,
  body: '正文',
  category: 'village',
  scopeCode: '452123100001',
  publishDate: '2026-03-01',
  expiryDate: null,
});

/** A line exactly as central writes it: the record's stored JSON spliced in verbatim. */
export const upsertLine = (table: string, recordJson: string) => `{"op":"upsert","table":"${table}","record":${recordJson}}`;

describe('readLine', () => {
  it('keeps the record text central wrote, and fills the indexed columns', () => {
    const json = JSON.stringify(notice('n-1'));
    expect(readLine(upsertLine('notices', json))).toEqual({
      table: 'notices',
      id: 'n-1',
      data: json,
      indexed: ['village', '2026-03-01', '452123100001'],
    });
  });

  it('serialises the checked record when the line is not in central’s exact form', () => {
    const spaced = JSON.stringify({ op: 'upsert', table: 'notices', record: notice('n-2') }, null, 1).replaceAll('\n', '');
    expect(JSON.parse(readLine(spaced).data ?? '')).toEqual(notice('n-2'));
  });

  it('reads a delete', () => {
    expect(readLine('{"op":"delete","table":"payments","id":"p-1"}')).toEqual({ table: 'payments', id: 'p-1', data: null, indexed: [] });
  });

  it.each([
    ['not JSON', '{"op":"upsert",'],
    ['an unknown table', '{"op":"delete","table":"people","id":"x"}'],
    ['an unknown op', '{"op":"merge","table":"notices","id":"x"}'],
    ['a record that breaks its schema', upsertLine('notices', JSON.stringify({ ...notice('n-3'), category: 'gossip' }))],
    ['a delete without an id', '{"op":"delete","table":"notices"}'],
    ['a JSON array', '[1,2]'],
  ])('refuses %s', (_what, line) => {
    expect(() => readLine(line)).toThrow(SyncRefused);
  });
});

describe('decodeBody', () => {
  it('yields every line of a gzip body in batches, whatever the chunk boundaries', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => upsertLine('notices', JSON.stringify(notice(`n-${i}`, '公告'.repeat(i % 50 + 1)))));
    const rows = [];
    for await (const batch of decodeBody(gzipSync(lines.join('\n') + '\n'))) rows.push(...batch);
    expect(rows.map((r) => r.id)).toEqual(lines.map((_, i) => `n-${i}`));
    expect(JSON.parse(rows[4_999]?.data ?? '').title).toBe('公告'.repeat(4_999 % 50 + 1));
  });

  it('reads a last line without a newline', async () => {
    const rows = [];
    for await (const batch of decodeBody(gzipSync(`${upsertLine('notices', JSON.stringify(notice('a')))}\n{"op":"delete","table":"notices","id":"b"}`))) rows.push(...batch);
    expect(rows.map((r) => [r.id, r.data === null])).toEqual([['a', false], ['b', true]]);
  });
});
