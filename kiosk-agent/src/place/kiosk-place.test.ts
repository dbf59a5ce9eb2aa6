import { describe, expect, it } from 'vitest';
import { localScopes, placeVillage, resolvePlace, scopeLevel, type VillageSources } from './kiosk-place';

const villages = [
  { code: '452123100001', name: '城东社区', townCode: '452123100' },
  { code: '452123100002', name: '城西社区', townCode: '452123100' },
  { code: '452123200003', name: '那坡村', townCode: '452123200' },
];
const find = (code: string) => villages.find((v) => v.code === code) ?? null;
const first = () => villages[0] ?? null;
const none: VillageSources = { override: undefined, fromHeartbeat: null, fromEnrolment: undefined };
const villageOf = (sources: Partial<VillageSources>) => resolvePlace({ ...none, ...sources }, find, first).villageCode;
const [a, b, c] = ['452123100001', '452123100002', '452123200003'];
const unsynced = '452123300009';

describe('the kiosk’s place', () => {
  it('is AGENT_VILLAGE_CODE, else central’s last heartbeat answer, else the enrolment’s, else the first village', () => {
    expect(villageOf({ override: c, fromHeartbeat: b, fromEnrolment: a })).toBe(c);
    expect(villageOf({ fromHeartbeat: c, fromEnrolment: b })).toBe(c);
    expect(villageOf({ fromEnrolment: b })).toBe(b);
    expect(villageOf({ fromEnrolment: null })).toBe(a);
    expect(villageOf({})).toBe(a);
  });

  it('passes over a village the data does not have (yet), so a move waits for the sync that brings it', () => {
    expect(villageOf({ fromHeartbeat: unsynced, fromEnrolment: b })).toBe(b);
    expect(villageOf({ override: unsynced, fromHeartbeat: c, fromEnrolment: b })).toBe(c);
    expect(villageOf({ override: unsynced, fromHeartbeat: unsynced, fromEnrolment: unsynced })).toBe(a);
    expect(resolvePlace(none, find, () => null)).toEqual({ villageCode: null, villageName: null, townCode: null, countyCode: null });
  });

  it('names the village it chose, so the top bar shows the village whose content the kiosk ranks first', () => {
    expect(placeVillage(resolvePlace({ ...none, fromHeartbeat: c, fromEnrolment: a }, find, first))).toEqual({ code: c, name: '那坡村' });
    expect(placeVillage(resolvePlace(none, find, first))).toEqual({ code: a, name: '城东社区' });
    expect(placeVillage(resolvePlace(none, find, () => null))).toBeNull();
  });

  it('ranks village, town, county, then anything else', () => {
    const place = resolvePlace(none, find, first);
    expect(localScopes(place)).toEqual(['452123100001', '452123100', '452123']);
    expect(['452123100001', '452123100', '452123', '452123200003'].map((code) => scopeLevel(place, code))).toEqual(['village', 'town', 'county', 'other']);
  });
});
