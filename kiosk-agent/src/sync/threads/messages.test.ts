import { describe, expect, it } from 'vitest';
import type { ContentRow } from '../../content/content-rows';
import { SyncRefused } from '../sync-refused';
import { fromFailure, packRows, toFailure, unpackRows } from './messages';

describe('rows between threads', () => {
  it('unpack gives back exactly the rows packed, deletes and varying index counts included', () => {
    const rows: ContentRow[] = [
      { table: 'notices', id: 'n-1', data: '{"id":"n-1"}', indexed: ['village', '2026-03-01', '452123100001'] },
      { table: 'payments', id: 'p-1', data: null, indexed: [] },
      { table: 'towns', id: 't-1', data: '{"id":"t-1"}', indexed: [] },
      { table: 'villages', id: 'v-1', data: '{"id":"v-1"}', indexed: ['452123100'] },
    ];
    expect([...unpackRows(packRows(rows))]).toEqual(rows);
  });

  it('a refusal keeps its reason across the thread boundary', () => {
    const back = fromFailure(toFailure(new SyncRefused('bad_body', 'bad line')));
    expect(back).toBeInstanceOf(SyncRefused);
    expect(back).toMatchObject({ reason: 'bad_body', message: 'bad line' });
    expect(fromFailure(toFailure(new Error('disk full')))).not.toBeInstanceOf(SyncRefused);
  });
});
