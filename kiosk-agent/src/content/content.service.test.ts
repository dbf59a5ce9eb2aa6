import type { FinancePeriod, Village } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import type { KioskPlace } from '../place/kiosk-place';
import { createContentService, type ContentReader } from './content.service';

const meta = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z', sourceImportId: 'imp' };
const village: Village = { ...meta, id: '452123100001', code: '452123100001', name: '东关村', townCode: '452123100', kind: 'village' };
const period: FinancePeriod = { ...meta, id: 'fp-1', villageCode: village.code, period: '2026-06', openingFen: 1000, closingFen: 1500 };
const place: KioskPlace = { villageCode: village.code, villageName: village.name, townCode: village.townCode, countyCode: '452123' };
const SHA = 'a'.repeat(64);

/** The kiosk's cache in memory: one village with one month of books, one project attachment. */
const cache: ContentReader = {
  notices: () => ({ items: [], total: 0 }),
  projects: () => ({ items: [], total: 0 }),
  project: () => null,
  towns: () => [],
  villages: () => [village],
  village: (code) => (code === village.code ? village : null),
  financePeriods: (code) => (code === village.code ? [period] : []),
  financePeriod: (code, p) => (code === village.code && p === period.period ? period : null),
  financeTotals: () => [{ direction: 'income', category: '上级补助', count: 1, totalFen: 500 }],
  financeLines: () => ({ items: [], total: 0 }),
  attachmentMime: (sha256) => (sha256 === SHA ? 'image/jpeg' : null),
  program: () => null,
  policies: () => [],
};

function content(downloaded: string[] = []) {
  return createContentService({
    content: cache,
    blobs: { fileOf: (sha256) => (downloaded.includes(sha256) ? `/blobs/${sha256}` : null) },
    place: () => place,
    today: () => '2026-11-26',
  });
}

describe('content from the kiosk cache', () => {
  it('names the reason it has no books: unknown_village, or no_finance_period for a month without them', () => {
    expect(() => content().financePeriods('452123100099')).toThrow(expect.objectContaining({ code: 'unknown_village' }));
    expect(() => content().financeBook(village.code, '2026-07', 1)).toThrow(expect.objectContaining({ code: 'no_finance_period' }));
    expect(content().financeBook(village.code, '2026-06', 1)).toMatchObject({ villageName: '东关村', changeFen: 500, totals: { incomeFen: 500 } });
  });

  it('answers unknown_project for a project the cache does not hold', () => {
    expect(() => content().project('prj-none')).toThrow(expect.objectContaining({ code: 'unknown_project' }));
  });

  it('serves an attachment only once its file is here, blob_not_downloaded before', () => {
    expect(() => content().blob(SHA)).toThrow(expect.objectContaining({ code: 'blob_not_downloaded' }));
    expect(() => content([SHA]).blob('b'.repeat(64))).toThrow(expect.objectContaining({ code: 'blob_not_downloaded' }));
    expect(content([SHA]).blob(SHA)).toEqual({ file: `/blobs/${SHA}`, mime: 'image/jpeg' });
  });
});
