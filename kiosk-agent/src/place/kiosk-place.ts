import type { ScopeLevel } from '@sunshine/contracts';

/**
 * Where this kiosk stands: its village, that village's town, and the county. The one
 * source of "this kiosk's village": content ranks 本村 by it and the top bar names it
 * (health `village`), so the header and the content cannot disagree.
 */
export interface KioskPlace {
  villageCode: string | null;
  villageName: string | null;
  townCode: string | null;
  countyCode: string | null;
}

export const NOWHERE: KioskPlace = { villageCode: null, villageName: null, townCode: null, countyCode: null };

type VillageRef = { code: string; name: string; townCode: string };

/** Where the kiosk's village can come from, strongest first. */
export interface VillageSources {
  /** `AGENT_VILLAGE_CODE`: set on the kiosk itself to override central. */
  override: string | undefined;
  /** What central answered to the last heartbeat that had an answer (kept across restarts). */
  fromHeartbeat: string | null;
  /** What central named at enrolment (`enrolment.json`); stale once the kiosk is moved. */
  fromEnrolment: string | null | undefined;
}

/**
 * The kiosk's own village is the first of its sources that the data has, else the first
 * village by code (a kiosk must show something useful before anyone configures it). A
 * village central names before the kiosk has synced it leaves the enrolment's in place.
 */
export function resolvePlace(sources: VillageSources, find: (code: string) => VillageRef | null, first: () => VillageRef | null): KioskPlace {
  let village: VillageRef | null = null;
  for (const code of [sources.override, sources.fromHeartbeat, sources.fromEnrolment]) if (code) village ??= find(code);
  village ??= first();
  if (!village) return NOWHERE;
  return { villageCode: village.code, villageName: village.name, townCode: village.townCode, countyCode: village.townCode.slice(0, 6) };
}

/** The village as health names it for the top bar; null before the kiosk has any village. */
export function placeVillage(place: KioskPlace): { code: string; name: string } | null {
  return place.villageCode === null || place.villageName === null ? null : { code: place.villageCode, name: place.villageName };
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
