import { AS_OF, DATA_START, ageOn, randomDate } from './calendar';
import type { Population } from './population';
import { Rng, Stream } from './rng';

/** Share of residents who die in the two years of data: rural China loses about 0.4% a year. */
const DEATH_SHARE = 0.008;

/** Relative risk of dying by age, a coarse life table: the old die, the young rarely. */
function risk(age: number): number {
  if (age < 40) return 0.05;
  if (age < 60) return 0.3;
  if (age < 70) return 1;
  if (age < 80) return 3;
  return 9;
}

/**
 * 死亡登记: person index → death date, in the order drawn. Normally a death stops every
 * payment from that day on; only planted `paid_after_death` cases are paid after it.
 */
export function drawDeaths(population: Population, seed: number): Map<number, string> {
  const rng = Rng.stream(seed, Stream.deaths);
  const risks = population.people.map((p) => risk(ageOn(p.birthDate, AS_OF)));
  const totalRisk = risks.reduce((a, b) => a + b, 0);
  const scale = (DEATH_SHARE * population.people.length) / totalRisk;
  const deaths = new Map<number, string>();
  population.people.forEach((person, i) => {
    if (!rng.chance(Math.min(0.5, (risks[i] ?? 0) * scale))) return;
    deaths.set(person.index, randomDate(rng, DATA_START, AS_OF));
  });
  return deaths;
}
