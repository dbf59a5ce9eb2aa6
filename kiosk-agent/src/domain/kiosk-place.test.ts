import { describe, expect, it } from 'vitest';
import { localScopes, resolvePlace, scopeLevel } from './kiosk-place';

const villages = [
  { code: '452123100001', townCode: '452123100' },
  { code: '452123200003', townCode: '452123200' },
];
const find = (code: string) => villages.find((v) => v.code === code) ?? null;
const first = () => villages[0] ?? null;

describe('the kiosk’s place', () => {
  it('is the configured village when the data has it, else the first village', () => {
    expect(resolvePlace('452123200003', find, first).villageCode).toBe('452123200003');
    expect(resolvePlace('999999999999', find, first).villageCode).toBe('452123100001');
    expect(resolvePlace(undefined, find, () => null)).toEqual({ villageCode: null, townCode: null, countyCode: null });
  });

  it('ranks village, town, county, then anything else', () => {
    const place = resolvePlace(undefined, find, first);
    expect(localScopes(place)).toEqual(['452123100001', '452123100', '452123']);
    expect(['452123100001', '452123100', '452123', '452123200003'].map((c) => scopeLevel(place, c))).toEqual(['village', 'town', 'county', 'other']);
  });
});
