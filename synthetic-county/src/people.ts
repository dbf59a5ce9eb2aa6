import type { VillageRow } from '@sunshine/contracts';
import { makeIdNumber } from '@sunshine/contracts';
import { AS_OF, isoDate, randomDate } from './calendar';
import { givenName, SURNAMES, VillageSurnames } from './names';
import type { Household, HouseholdKind, Person, Population } from './population';
import { Rng, Stream, Weighted } from './rng';

const KINDS = new Weighted<HouseholdKind>(
  ['single_elderly', 'elderly_couple', 'nuclear', 'three_generation', 'single_adult', 'left_behind'],
  [5, 9, 46, 24, 11, 5],
);
const AS_OF_YEAR = Number(AS_OF.slice(0, 4));
/** Birth dates stay within 1930–2020, so ages on AS_OF run 6–95. */
const MIN_AGE = 6;
const MAX_AGE = 95;

/** What a household builder asks for: an age, a gender and a surname per member, head first. */
interface MemberSpec {
  age: number;
  gender: 'M' | 'F';
  surname: string;
}

export class PopulationBuilder {
  readonly people: Person[] = [];
  readonly households: Household[] = [];
  /** Sequences already used per birth date, so every ID number is unique. */
  private readonly sequences = new Map<string, Set<number>>();

  constructor(
    private readonly rng: Rng,
    private readonly areaCode: string,
  ) {}

  /** Adds households to `village` until it has at least `target` people. */
  fillVillage(village: VillageRow, target: number): void {
    const surnames = new VillageSurnames(this.rng);
    let count = 0;
    let seq = 0;
    while (count < target) {
      const kind = KINDS.pick(this.rng);
      const specs = membersOf(this.rng, kind, surnames.pick());
      if (specs.length === 0) continue;
      seq++;
      this.addHousehold(village.code, `${village.code}-${String(seq).padStart(4, '0')}`, kind, specs);
      count += specs.length;
    }
  }

  build(): Population {
    return { people: this.people, households: this.households };
  }

  private addHousehold(villageCode: string, id: string, kind: HouseholdKind, specs: MemberSpec[]): void {
    const household: Household = { index: this.households.length, id, villageCode, kind, members: [] };
    const names = new Set<string>();
    for (const spec of specs) {
      const birthDate = randomDate(this.rng, isoDate(AS_OF_YEAR - spec.age - 1, 11, 1), isoDate(AS_OF_YEAR - spec.age, 10, 31));
      let name = spec.surname + givenName(this.rng, Number(birthDate.slice(0, 4)), spec.gender);
      // Parents do not give two children the same name.
      while (names.has(name)) name = spec.surname + givenName(this.rng, Number(birthDate.slice(0, 4)), spec.gender);
      names.add(name);
      const index = this.people.length;
      const idNumber = this.idNumber(birthDate, spec.gender);
      this.people.push({ index, idNumber, name, gender: spec.gender, birthDate, villageCode, household: household.index });
      household.members.push(index);
    }
    this.households.push(household);
  }

  /** The sequence's last digit is odd for men and even for women (GB 11643). */
  private idNumber(birthDate: string, gender: 'M' | 'F'): string {
    const used = this.sequences.get(birthDate) ?? new Set<number>();
    this.sequences.set(birthDate, used);
    for (;;) {
      const sequence = this.rng.int(0, 499) * 2 + (gender === 'M' ? 1 : 0);
      if (sequence === 0 || used.has(sequence)) continue;
      used.add(sequence);
      return makeIdNumber(this.areaCode, birthDate, sequence);
    }
  }
}

/** Elderly ages thin out with age, as a population pyramid does: many at 62, few at 95. */
function elderAge(rng: Rng, min: number, max: number): number {
  return min + Math.floor((max - min + 1) * rng.float() ** 2);
}

function clampAge(age: number): number {
  return Math.max(MIN_AGE, Math.min(MAX_AGE, age));
}

/** Members of one household, head first; wives keep their own surname, children take the father's. */
function membersOf(rng: Rng, kind: HouseholdKind, surname: string): MemberSpec[] {
  const other = (): string => SURNAMES.pick(rng);
  switch (kind) {
    case 'single_elderly':
      return [{ age: elderAge(rng, 62, MAX_AGE), gender: rng.chance(0.6) ? 'F' : 'M', surname }];
    case 'single_adult':
      return [{ age: rng.int(20, 59), gender: rng.chance(0.75) ? 'M' : 'F', surname }];
    case 'elderly_couple': {
      const age = elderAge(rng, 62, 92);
      return [
        { age, gender: 'M', surname },
        { age: clampAge(age - rng.int(-2, 5)), gender: 'F', surname: other() },
      ];
    }
    case 'nuclear':
    case 'three_generation':
      return family(rng, kind, surname, other);
    case 'left_behind': {
      const age = elderAge(rng, 56, 85);
      const elders: MemberSpec[] = [{ age, gender: 'M', surname }];
      if (rng.chance(0.7)) elders.push({ age: clampAge(age - rng.int(0, 5)), gender: 'F', surname: other() });
      const children = Array.from({ length: rng.int(1, 2) }, (): MemberSpec => ({ age: rng.int(6, 16), gender: rng.chance(0.52) ? 'M' : 'F', surname }));
      return [...elders, ...children];
    }
  }
}

function family(rng: Rng, kind: HouseholdKind, surname: string, other: () => string): MemberSpec[] {
  const three = kind === 'three_generation';
  const headAge = three ? rng.int(30, 54) : rng.int(26, 58);
  const members: MemberSpec[] = [
    { age: headAge, gender: 'M', surname },
    { age: clampAge(headAge + rng.int(-4, 2)), gender: 'F', surname: other() },
  ];
  const children = three ? rng.int(1, 2) : rng.chance(0.1) ? 0 : rng.int(1, 3);
  for (let i = 0; i < children; i++) {
    const age = headAge - rng.int(22, 36);
    if (age >= MIN_AGE) members.push({ age, gender: rng.chance(0.52) ? 'M' : 'F', surname });
  }
  if (three) {
    const fatherAge = headAge + rng.int(22, 30);
    if (fatherAge <= MAX_AGE && rng.chance(0.7)) members.push({ age: fatherAge, gender: 'M', surname });
    const motherAge = fatherAge - rng.int(0, 4);
    if (motherAge <= MAX_AGE) members.push({ age: motherAge, gender: 'F', surname: other() });
  }
  return members;
}

/** Spreads `total` people over the villages: communities (town seats) are larger. */
export function buildPopulation(villages: readonly VillageRow[], areaCode: string, total: number, seed: number): Population {
  const rng = Rng.stream(seed, Stream.people);
  const weights = villages.map((v) => (v.kind === 'community' ? 1.6 : 0.6 + rng.float() * 0.8));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const builder = new PopulationBuilder(rng, areaCode);
  villages.forEach((village, i) => builder.fillVillage(village, Math.round((total * (weights[i] ?? 1)) / weightTotal)));
  return builder.build();
}
