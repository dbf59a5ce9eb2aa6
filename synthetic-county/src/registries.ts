import type { BusinessRow, OfficialRow, PropertyRow, VehicleRow } from '@sunshine/contracts';
import { AS_OF, ageOn } from './calendar';
import type { Person, Population } from './population';
import { Rng, Stream } from './rng';
import type { RecordMaker } from './registry-records';

/** Registry entries before they are written: the owner is a person index. */
export interface Registries {
  officials: Owned<Omit<OfficialRow, 'idNumber' | 'name'>>[];
  businesses: Owned<Omit<BusinessRow, 'idNumber' | 'name'>>[];
  vehicles: Owned<Omit<VehicleRow, 'idNumber' | 'name'>>[];
  property: Owned<Omit<PropertyRow, 'idNumber' | 'name'>>[];
}
export type Owned<T> = T & { person: number };

export interface RegistryInput {
  maker: RecordMaker;
  population: Population;
  deaths: Map<number, string>;
  poverty: Map<number, string>;
  lowIncomeHouseholds: Set<number>;
}

/**
 * Officials, business owners, vehicles and property of ordinary residents. The clean-data
 * invariants the cross-check relies on are kept here: no official or business owner in a
 * household paid 低保/特困; no vehicle or commercial property in a poverty household.
 */
export function drawRegistries(input: RegistryInput, seed: number): Registries {
  const rng = Rng.stream(seed, Stream.registries);
  const { maker, population, deaths, poverty, lowIncomeHouseholds } = input;
  const age = (p: Person): number => ageOn(p.birthDate, AS_OF);
  const clean = (p: Person): boolean => !deaths.has(p.index) && !poverty.has(p.household) && !lowIncomeHouseholds.has(p.household);

  const officialPool = population.people.filter((p) => clean(p) && age(p) >= 23 && age(p) <= 59);
  const adults = population.people.filter((p) => age(p) >= 18).length;
  const officials = rng.sample(officialPool, Math.round(adults * 0.01)).sort(ownerOrder);
  const officialSet = new Set(officials.map((p) => p.index));
  const businessPool = population.people.filter((p) => clean(p) && !officialSet.has(p.index) && age(p) >= 22 && age(p) <= 65);
  const owners = rng.sample(businessPool, Math.round(adults * 0.02)).sort(ownerOrder);
  const ownerSet = new Set(owners.map((p) => p.index));

  const registries: Registries = {
    officials: officials.map((p) => maker.official(rng, p)),
    businesses: owners.map((p) => maker.business(rng, p)),
    vehicles: [],
    property: [],
  };
  for (const person of population.people) {
    const a = age(person);
    const wealthy = officialSet.has(person.index) || ownerSet.has(person.index);
    const household = population.households[person.household];
    if (!poverty.has(person.household) && a >= 20 && a <= 70 && rng.chance(wealthy ? 0.7 : 0.2)) {
      registries.vehicles.push(maker.vehicle(rng, person));
    }
    if (household?.members[0] === person.index && rng.chance(0.55)) registries.property.push(maker.residence(rng, person));
    const commercial = ownerSet.has(person.index) ? 0.35 : 0.002;
    if (!poverty.has(person.household) && a >= 20 && rng.chance(commercial)) {
      registries.property.push(maker.commercial(rng, person));
    }
  }
  return registries;
}

function ownerOrder(a: Person, b: Person): number {
  return a.index - b.index;
}
