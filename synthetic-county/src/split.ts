import type { Rng } from './rng';

/**
 * Splits `totalFen` into `parts` positive-ish amounts, each a whole 100 yuan where the
 * total allows, that sum exactly to `totalFen` (the last part takes the remainder).
 */
export function splitFen(rng: Rng, totalFen: number, parts: number): number[] {
  if (parts <= 1) return [totalFen];
  const weights = Array.from({ length: parts }, () => 0.5 + rng.float());
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.slice(0, -1).map((w) => Math.floor((totalFen * w) / weightTotal / 10_000) * 10_000);
  const rest = totalFen - amounts.reduce((a, b) => a + b, 0);
  return [...amounts, rest];
}
