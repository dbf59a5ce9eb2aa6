import type { NoticeRow } from '@sunshine/contracts';
import { AS_OF, DATA_START, randomDate } from './calendar';
import type { County } from './geography';
import { givenName, SURNAMES } from './names';
import { COUNTY_NOTICES, TOWN_NOTICES, VILLAGE_NOTICES, type NoticeTemplate, type Place } from './notice-templates';
import { Rng, Stream } from './rng';

/** 党务/政务/村务公开: about five per village, two per town, the county's own; oldest first. */
export function buildNotices(county: County, seed: number): NoticeRow[] {
  const rng = Rng.stream(seed, Stream.notices);
  const drafts: Omit<NoticeRow, 'id'>[] = [];
  const add = (template: NoticeTemplate, scopeCode: string, where: Omit<Place, 'publishDate' | 'person' | 'county'>): void => {
    const publishDate = randomDate(rng, DATA_START, AS_OF);
    const person = SURNAMES.pick(rng) + givenName(rng, rng.int(1985, 2002), rng.chance(0.5) ? 'M' : 'F');
    drafts.push({ ...template(rng, { county: county.name, person, publishDate, ...where }), scopeCode, publishDate });
  };
  const towns = new Map(county.towns.map((t) => [t.code, t.name]));
  for (const village of county.villages) {
    const town = towns.get(village.townCode) ?? '';
    for (const template of rng.sample(VILLAGE_NOTICES, rng.int(4, 6))) add(template, village.code, { town, village: village.name });
  }
  for (const town of county.towns) {
    for (const template of rng.sample(TOWN_NOTICES, 2)) add(template, town.code, { town: town.name, village: '' });
  }
  for (const template of COUNTY_NOTICES) add(template, county.code, { town: '', village: '' });
  // Stable sort: notices on the same day keep their draw order.
  drafts.sort((a, b) => (a.publishDate < b.publishDate ? -1 : a.publishDate > b.publishDate ? 1 : 0));
  return drafts.map((d, i) => ({ id: `n-${String(i + 1).padStart(5, '0')}`, ...d }));
}
