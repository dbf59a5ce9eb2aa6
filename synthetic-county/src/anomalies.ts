import type { AnomalyKind } from '@sunshine/contracts';
import { AS_OF, ageOn, isoDate, WINDOW_MONTHS } from './calendar';
import type { Enrolment } from './enrolment';
import { byPerson } from './grants';
import { tekunGrant } from './low-income';
import { at } from './lists';
import { householdOf, personAt, type Person, type Population } from './population';
import type { Registries } from './registries';
import type { RecordMaker } from './registry-records';
import { Rng, Stream } from './rng';

/** One planted anomaly: who, and what the cross-check rule should find. */
export interface PlantedCase {
  kind: AnomalyKind;
  person: number;
  note: string;
}

export interface PlantInput {
  population: Population;
  enrolment: Enrolment;
  registries: Registries;
  deaths: Map<number, string>;
  poverty: ReadonlyMap<number, string>;
  maker: RecordMaker;
  perKind: number;
}

/**
 * Plants `perKind` anomalies of each kind, each in a household of its own, so one case
 * can never trip another rule. Mutates the enrolment, registries and deaths it is given.
 * Throws when the county is too small to hold them all (the scale's floors prevent that).
 */
export function plantAnomalies(input: PlantInput, seed: number): PlantedCase[] {
  const rng = Rng.stream(seed, Stream.anomalies);
  const planter = new Planter(rng, input);
  return [
    ...planter.officialHouseholds(),
    ...planter.businessOwners(),
    ...planter.doublePaid(),
    ...planter.paidAfterDeath(),
    ...planter.povertyOwners('poverty_household_vehicle'),
    ...planter.povertyOwners('poverty_household_commercial_property'),
  ];
}

class Planter {
  private readonly usedHouseholds = new Set<number>();

  constructor(
    private readonly rng: Rng,
    private readonly input: PlantInput,
  ) {}

  officialHouseholds(): PlantedCase[] {
    const kin = (p: Person): Person | undefined => this.workingAgeKin(p);
    return this.pick('official_household_low_income', this.fullYearDibao().filter((p) => kin(p) !== undefined), (recipient) => {
      const member = kin(recipient);
      if (member === undefined) throw new Error('kin vanished');
      const official = this.input.maker.official(this.rng, member);
      this.input.registries.officials.push(official);
      return `${recipient.name}领取最低生活保障，同户成员${member.name}为${official.employer}${official.position}`;
    });
  }

  businessOwners(): PlantedCase[] {
    return this.pick('business_owner_low_income', this.fullYearDibao().filter((p) => this.age(p) <= 70), (recipient) => {
      const business = this.input.maker.business(this.rng, recipient);
      this.input.registries.businesses.push(business);
      return `${recipient.name}领取最低生活保障，本人名下登记有市场主体“${business.businessName}”`;
    });
  }

  doublePaid(): PlantedCase[] {
    return this.pick('mutually_exclusive_programs', this.fullYearDibao(), (recipient) => {
      const from = this.rng.int(5, 9);
      this.input.enrolment.tekun = byPerson([...this.input.enrolment.tekun, tekunGrant(recipient.index, from)]);
      const month = at(WINDOW_MONTHS, from);
      return `${recipient.name}自${month.year}年${month.month}月起同时领取最低生活保障和特困人员救助供养`;
    });
  }

  paidAfterDeath(): PlantedCase[] {
    const pensioners = this.input.enrolment.yanglao.filter((g) => g.from === 0).map((g) => personAt(this.input.population, g.person));
    return this.pick('paid_after_death', pensioners.filter((p) => this.alive(p)), (person) => {
      // After the month's pay day, so that month's payment is still legitimate.
      const month = at(WINDOW_MONTHS, this.rng.int(2, 8));
      const deathDate = isoDate(month.year, month.month, this.rng.int(21, 28));
      this.input.deaths.set(person.index, deathDate);
      return `${person.name}死亡登记日期为${deathDate}，死亡后仍继续领取城乡居民基础养老金等补贴`;
    });
  }

  povertyOwners(kind: 'poverty_household_vehicle' | 'poverty_household_commercial_property'): PlantedCase[] {
    const members = this.input.population.people.filter((p) => this.input.poverty.has(p.household) && this.alive(p) && this.age(p) >= 20 && this.age(p) <= 65);
    return this.pick(kind, members, (person) => {
      if (kind === 'poverty_household_vehicle') {
        const vehicle = this.input.maker.vehicle(this.rng, person);
        this.input.registries.vehicles.push(vehicle);
        return `建档立卡贫困户成员${person.name}名下登记有${vehicle.vehicleType}（${vehicle.plate}）`;
      }
      const shop = this.input.maker.commercial(this.rng, person);
      this.input.registries.property.push(shop);
      return `建档立卡贫困户成员${person.name}名下登记有商业用房（${shop.address}，${shop.areaM2}平方米）`;
    });
  }

  /** Plants up to `perKind` cases among `candidates`, one per household, in a seeded order. */
  private pick(kind: AnomalyKind, candidates: readonly Person[], plant: (person: Person) => string): PlantedCase[] {
    const cases: PlantedCase[] = [];
    for (const person of this.rng.shuffle(candidates)) {
      if (cases.length === this.input.perKind) break;
      if (this.usedHouseholds.has(person.household)) continue;
      this.usedHouseholds.add(person.household);
      cases.push({ kind, person: person.index, note: plant(person) });
    }
    if (cases.length < this.input.perKind) throw new Error(`only ${cases.length} of ${this.input.perKind} ${kind} anomalies fit this county`);
    return cases;
  }

  /** Living 低保 recipients paid all twelve months: their anomaly is certain to show in payments. */
  private fullYearDibao(): Person[] {
    return this.input.enrolment.dibao
      .filter((g) => g.from === 0 && g.to === 11)
      .map((g) => personAt(this.input.population, g.person))
      .filter((p) => this.alive(p));
  }

  private workingAgeKin(person: Person): Person | undefined {
    return householdOf(this.input.population, person)
      .members.map((m) => personAt(this.input.population, m))
      .find((m) => m.index !== person.index && this.alive(m) && this.age(m) >= 23 && this.age(m) <= 59);
  }

  private alive(person: Person): boolean {
    return !this.input.deaths.has(person.index);
  }

  private age(person: Person): number {
    return ageOn(person.birthDate, AS_OF);
  }
}
