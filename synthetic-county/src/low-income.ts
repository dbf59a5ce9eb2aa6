import { AS_OF, ageOn, randomDate } from './calendar';
import { byPerson, LAST_MONTH, type MonthlyGrant } from './grants';
import { headOf, type Household, type Population } from './population';
import { weightedSample, type Rng } from './rng';
import type { ScaleConfig } from './scale';

/** 特困 basic living plus care allowance, fen a month (2025). */
const TEKUN_FEN = 62_000;

/** 低保 for a household, by its size: 300 yuan a month for one, up to 600 for a large family. */
function dibaoFen(household: Household): number {
  return Math.min(60_000, 30_000 + 8_000 * (household.members.length - 1));
}

/** Most grants run the whole window; some start late (newly approved) or stop early (退出). */
function grantSpan(rng: Rng): { from: number; to: number } {
  const from = rng.chance(0.1) ? rng.int(1, LAST_MONTH) : 0;
  const to = rng.chance(0.05) && from < LAST_MONTH - 1 ? rng.int(from + 1, LAST_MONTH) : LAST_MONTH;
  return { from, to };
}

/** 建档立卡贫困户: about 8% of households, registered 2014–2016, lone and left-behind households likelier. */
export function drawPoverty(rng: Rng, population: Population, scale: ScaleConfig): Map<number, string> {
  const wanted = Math.max(scale.minPovertyHouseholds, Math.round(population.households.length * 0.08));
  const weight = (h: Household): number => (h.kind === 'single_elderly' || h.kind === 'left_behind' ? 2.5 : h.kind === 'elderly_couple' ? 1.5 : 1);
  const drawn = weightedSample(rng, population.households, weight, wanted).sort((a, b) => a.index - b.index);
  return new Map(drawn.map((h) => [h.index, randomDate(rng, '2014-10-01', '2016-12-31')]));
}

export interface LowIncome {
  dibao: MonthlyGrant[];
  tekun: MonthlyGrant[];
  /** Households where someone is paid 低保 or 特困 at any time: no official or business owner is drawn from them. */
  lowIncomeHouseholds: Set<number>;
}

/**
 * 特困 for lone elders, a few normal 低保 → 特困 transitions (never in the same month), then
 * 低保 for households weighted towards the poverty register. One recipient per household,
 * so a household is paid by one low-income programme at a time.
 */
export function enrolLowIncome(rng: Rng, population: Population, poverty: ReadonlyMap<number, string>, scale: ScaleConfig): LowIncome {
  const lowIncome = new Set<number>();
  const tekun: MonthlyGrant[] = [];
  const dibao: MonthlyGrant[] = [];
  const lone = population.households.filter((h) => h.kind === 'single_elderly' && ageOn(headOf(population, h).birthDate, AS_OF) >= 65);
  for (const household of rng.sample(lone, Math.round(lone.length * 0.35))) {
    tekun.push({ person: headOf(population, household).index, ...grantSpan(rng), baseFen: TEKUN_FEN });
    lowIncome.add(household.index);
  }
  const notYet = lone.filter((h) => !lowIncome.has(h.index));
  for (const household of rng.sample(notYet, scale.transitions)) {
    const person = headOf(population, household).index;
    const last = rng.int(2, 8);
    dibao.push({ person, from: 0, to: last, baseFen: dibaoFen(household) });
    tekun.push({ person, from: last + 1, to: LAST_MONTH, baseFen: TEKUN_FEN });
    lowIncome.add(household.index);
  }
  const wanted = Math.max(scale.minDibaoHouseholds, Math.round(population.households.length * 0.045));
  const weight = (h: Household): number => {
    if (lowIncome.has(h.index)) return 0;
    if (poverty.has(h.index)) return 6;
    return h.kind === 'left_behind' || h.kind === 'elderly_couple' ? 2 : 1;
  };
  for (const household of weightedSample(rng, population.households, weight, wanted)) {
    dibao.push({ person: headOf(population, household).index, ...grantSpan(rng), baseFen: dibaoFen(household) });
    lowIncome.add(household.index);
  }
  return { dibao: byPerson(dibao), tekun: byPerson(tekun), lowIncomeHouseholds: lowIncome };
}

/** What a planted 低保+特困 case adds: 特困 from `from` while 低保 continues. */
export function tekunGrant(person: number, from: number): MonthlyGrant {
  return { person, from, to: LAST_MONTH, baseFen: TEKUN_FEN };
}
