import type { ScopeLevel } from '@sunshine/contracts';

/** Where this kiosk stands: its village, that village's town, and the county. */
export interface KioskPlace {
  villageCode: string | null;
  townCode: string | null;
  countyCode: string | null;
}

export const NOWHERE: KioskPlace = { villageCode: null, townCode: null, countyCode: null };

/**
 * The kiosk's own village is the configured one (`AGENT_VILLAGE_CODE`, else the village
 * central named at enrolment) when the data has it, else the first village by code (a
 * kiosk must show something useful before anyone configures it).
 */
export function resolvePlace(
  configured: string | undefined,
  find: (code: string) => { code: string; townCode: string } | null,
  first: () => { code: string; townCode: string } | null,
): KioskPlace {
  const village = (configured ? find(configured) : null) ?? first();
  if (!village) return NOWHERE;
  return { villageCode: village.code, townCode: village.townCode, countyCode: village.townCode.slice(0, 6) };
}

/** This village, its town and the county, nearest first. */
export function localScopes(place: KioskPlace): string[] {
  return [place.villageCode, place.townCode, place.countyCode].filter((c): c is string => c !== null);
}

export function scopeLevel(place: KioskPlace, scopeCode: string): ScopeLevel {
  if (scopeCode === place.villageCode) return 'village';
  if (scopeCode === place.townCode) return 'town';
  if (scopeCode === place.countyCode) return 'county';
  return 'other';
}
