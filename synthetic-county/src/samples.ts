import type { PlantedCase } from './anomalies';
import type { PaymentLedger } from './ledger';
import { personAt, type Population } from './population';
import { PROGRAMS } from './programs';
import { Rng, Stream } from './rng';

const WANTED = 10;

/**
 * `samplePeople` for a demo lookup: living residents with payments, one per programme
 * where possible, none from a planted anomaly's household, so a demo shows clean data.
 */
export function pickSamples(population: Population, ledger: PaymentLedger, deaths: ReadonlyMap<number, string>, cases: readonly PlantedCase[], seed: number): { idNumber: string; name: string }[] {
  const rng = Rng.stream(seed, Stream.samples);
  const tainted = new Set(cases.map((c) => population.people[c.person]?.household));
  const eligible = population.people.filter((p) => (ledger.counts[p.index] ?? 0) > 0 && !deaths.has(p.index) && !tainted.has(p.household));
  const chosen = new Set<number>();
  PROGRAMS.forEach((_, bit) => {
    const paidBy = eligible.filter((p) => ((ledger.programs[p.index] ?? 0) & (1 << bit)) !== 0 && !chosen.has(p.index));
    if (paidBy.length > 0) chosen.add(rng.pick(paidBy).index);
  });
  // Top up with people paid by several programmes: their statement is the richest to show.
  const several = eligible.filter((p) => !chosen.has(p.index) && popcount(ledger.programs[p.index] ?? 0) >= 2);
  for (const p of rng.sample(several.length > 0 ? several : eligible, Math.max(0, WANTED - chosen.size))) chosen.add(p.index);
  return [...chosen].map((index) => {
    const p = personAt(population, index);
    return { idNumber: p.idNumber, name: p.name };
  });
}

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b > 0; b >>= 1) count += b & 1;
  return count;
}
