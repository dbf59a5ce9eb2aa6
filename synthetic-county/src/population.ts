/** One resident (户籍人口). `index` is the position in `Population.people`. */
export interface Person {
  index: number;
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  villageCode: string;
  household: number;
}

/**
 * The shape of a household decides who can receive what: a lone elder may be 特困供养,
 * a grandparent raising a child may be raising an orphan.
 */
export type HouseholdKind = 'single_elderly' | 'elderly_couple' | 'nuclear' | 'three_generation' | 'single_adult' | 'left_behind';

/** 户. `members[0]` is the head (户主). */
export interface Household {
  index: number;
  id: string;
  villageCode: string;
  kind: HouseholdKind;
  members: number[];
}

export interface Population {
  people: Person[];
  households: Household[];
}

export function headOf(population: Population, household: Household): Person {
  const head = population.people[household.members[0] ?? -1];
  if (head === undefined) throw new Error(`household ${household.id} has no head`);
  return head;
}

export function personAt(population: Population, index: number): Person {
  const person = population.people[index];
  if (person === undefined) throw new Error(`no person ${index}`);
  return person;
}

export function householdOf(population: Population, person: Person): Household {
  const household = population.households[person.household];
  if (household === undefined) throw new Error(`no household ${person.household}`);
  return household;
}
