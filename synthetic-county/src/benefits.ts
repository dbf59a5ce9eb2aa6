import { AS_OF, ageOn, DATA_START, randomDate } from './calendar';
import type { County } from './geography';
import { byPerson, firstMonthAtAge, LAST_MONTH, type MonthlyGrant, type OneOffGrant, type YearlyGrant } from './grants';
import { headOf, personAt, type Household, type Population } from './population';
import { weightedSample, type Rng } from './rng';

// Benefits that do not hinge on low income: by age, disability, land, schooling, housing.

/** Share of people over 60 in the residents' pension scheme; the rest draw a worker's pension. */
export const PENSION_TAKE_UP = 0.92;

/** Everyone reaching `age` by the last month, from the month after their birthday. */
export function byAge(population: Population, age: number, takeUp: (rng: Rng) => boolean, rng: Rng): MonthlyGrant[] {
  const grants: MonthlyGrant[] = [];
  for (const person of population.people) {
    const from = firstMonthAtAge(person.birthDate, age);
    if (from > LAST_MONTH || !takeUp(rng)) continue;
    grants.push({ person: person.index, from, to: LAST_MONTH, baseFen: 0 });
  }
  return grants;
}

/** 残疾人两项补贴: about 1.5% of people, more among the old; 40% get both subsidies. */
export function enrolCanji(rng: Rng, population: Population): MonthlyGrant[] {
  const grants: MonthlyGrant[] = [];
  for (const person of population.people) {
    const age = ageOn(person.birthDate, AS_OF);
    if (!rng.chance(age >= 60 ? 0.028 : 0.011)) continue;
    grants.push({ person: person.index, from: 0, to: LAST_MONTH, baseFen: rng.chance(0.4) ? 18_000 : 9_000 });
  }
  return grants;
}

/** 孤儿: some children raised by grandparents have lost both parents. */
export function enrolGuer(rng: Rng, population: Population): MonthlyGrant[] {
  const children = population.households
    .filter((h) => h.kind === 'left_behind')
    .flatMap((h) => h.members.slice(1).filter((m) => ageOn(personAt(population, m).birthDate, AS_OF) < 17));
  const orphans = rng.sample(children, Math.max(1, Math.round(children.length * 0.03)));
  return byPerson(orphans.map((person) => ({ person, from: 0, to: LAST_MONTH, baseFen: 120_000 })));
}

/** 耕地地力保护补贴: rural households with contracted land, 1.5–9.9 亩 at 105 yuan a 亩. */
export function enrolGengdi(rng: Rng, population: Population, county: County): YearlyGrant[] {
  const urban = new Set(county.villages.filter((v) => v.kind === 'community').map((v) => v.code));
  return population.households
    .filter((h) => !urban.has(h.villageCode) && h.kind !== 'single_adult' && rng.chance(0.85))
    .map((h) => ({ person: headOf(population, h).index, amountFen: rng.int(15, 99) * 1_050 }));
}

/** 学生资助: pupils and students (6–21) of poor households, and some others the school judges needy. */
export function enrolJiaoyu(rng: Rng, population: Population, needy: (h: Household) => boolean): number[] {
  const students: number[] = [];
  for (const person of population.people) {
    const age = ageOn(person.birthDate, AS_OF);
    if (age < 7 || age > 21) continue;
    const household = population.households[person.household];
    if (household !== undefined && rng.chance(needy(household) ? 0.9 : 0.06)) students.push(person.index);
  }
  return students;
}

/** 农村危房改造: about 1.2% of households over the two years, poorer ones first; paid once. */
export function enrolWeifang(rng: Rng, population: Population, needy: (h: Household) => boolean): OneOffGrant[] {
  const wanted = Math.max(1, Math.round(population.households.length * 0.012));
  const drawn = weightedSample(rng, population.households, (h) => (needy(h) ? 8 : 1), wanted);
  return byPerson(
    drawn.map((h) => ({ person: headOf(population, h).index, paidDate: randomDate(rng, DATA_START, AS_OF), amountFen: rng.int(150, 350) * 10_000 })),
  );
}
