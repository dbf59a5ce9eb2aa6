import type { DeathRow, PersonRow, PovertyRow } from '@sunshine/contracts';
import { personAt, type Population } from './population';
import type { Owned } from './registries';

/** 户籍: everyone, the dead included (a death is recorded in its own registry). */
export function* personRows(population: Population): Generator<PersonRow> {
  for (const p of population.people) {
    const household = population.households[p.household];
    yield { idNumber: p.idNumber, name: p.name, gender: p.gender, birthDate: p.birthDate, villageCode: p.villageCode, householdId: household?.id ?? '' };
  }
}

export function deathRows(deaths: ReadonlyMap<number, string>, population: Population): DeathRow[] {
  return [...deaths.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, deathDate]) => {
      const p = personAt(population, index);
      return { idNumber: p.idNumber, name: p.name, deathDate };
    });
}

/**
 * A registry's rows in residents' order, so planted entries sit among the others rather
 * than at the end where they would give themselves away.
 */
export function ownedRows<T extends object>(entries: readonly Owned<T>[], population: Population): (Omit<T, 'person'> & { idNumber: string; name: string })[] {
  return [...entries]
    .sort((a, b) => a.person - b.person)
    .map(({ person, ...rest }) => {
      const p = personAt(population, person);
      return { idNumber: p.idNumber, name: p.name, ...rest };
    });
}

/** 建档立卡: one row per member of each registered household. */
export function povertyRows(poverty: ReadonlyMap<number, string>, population: Population): PovertyRow[] {
  return [...poverty.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([index, registeredDate]) => {
      const household = population.households[index];
      if (household === undefined) return [];
      return household.members.map((m) => {
        const p = personAt(population, m);
        return { householdId: household.id, idNumber: p.idNumber, name: p.name, villageCode: p.villageCode, registeredDate };
      });
    });
}
