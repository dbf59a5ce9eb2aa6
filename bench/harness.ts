/** One figure of `npm run bench`, as written to `bench/results.json` (docs/design.md §13). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for a bare baseline measured in the same run. */
  baseline: number;
  ratio: number;
  /** Human-readable target, e.g. "< 60 s and ratio ≤ 2". */
  target: string;
  pass: boolean;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function result(r: Omit<BenchResult, 'ratio'>): BenchResult {
  return { ...r, ratio: r.baseline === 0 ? 0 : round(r.value / r.baseline, 2) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Milliseconds taken by `fn`. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
