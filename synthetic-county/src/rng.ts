import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { at } from './lists';

/**
 * Independent random streams, one per part of the county. Each part draws from its own
 * stream, so adding a draw to (say) notices never shifts the people or the payments of
 * an existing seed.
 */
export const Stream = {
  geography: 1,
  people: 2,
  deaths: 3,
  enrolment: 4,
  registries: 5,
  anomalies: 6,
  projects: 7,
  finance: 8,
  notices: 9,
  samples: 10,
} as const;
export type Stream = (typeof Stream)[keyof typeof Stream];

/** A seeded, mutable random source. The only source of randomness in the generator. */
export class Rng {
  private constructor(private readonly gen: JumpableRandomGenerator) {}

  /** The stream `stream` of `seed`: the seed's generator jumped 2^64 steps `stream` times. */
  static stream(seed: number, stream: Stream): Rng {
    const gen = xoroshiro128plus(seed);
    for (let i = 0; i < stream; i++) gen.jump();
    return new Rng(gen);
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  /** Float in [0, 1). */
  float(): number {
    return (this.gen.next() >>> 0) / 0x1_0000_0000;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Index `i` with probability proportional to `weights[i]`. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let target = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** `count` distinct items in random order, all of them when there are fewer (partial Fisher–Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const out = [...items];
    const n = Math.min(count, out.length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, out.length - 1);
      const picked = at(out, j);
      out[j] = at(out, i);
      out[i] = picked;
    }
    return out.slice(0, n);
  }
}

/** A fixed weighted choice, precomputed so each pick is a binary search. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('weighted table needs one weight per item');
    let total = 0;
    for (const w of weights) this.cumulative.push((total += w));
  }

  pick(rng: Rng): T {
    const target = rng.float() * at(this.cumulative, this.cumulative.length - 1);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(this.cumulative, mid) > target) hi = mid;
      else lo = mid + 1;
    }
    return at(this.items, lo);
  }
}

/**
 * `count` distinct items drawn with probability proportional to `weight` (Efraimidis–Spirakis),
 * in draw order. Items of weight 0 are never drawn.
 */
export function weightedSample<T>(rng: Rng, items: readonly T[], weight: (item: T) => number, count: number): T[] {
  const keyed: { item: T; key: number }[] = [];
  for (const item of items) {
    const w = weight(item);
    if (w > 0) keyed.push({ item, key: -Math.log(1 - rng.float()) / w });
  }
  keyed.sort((a, b) => a.key - b.key);
  return keyed.slice(0, count).map((k) => k.item);
}
