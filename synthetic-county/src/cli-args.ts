import { parseArgs } from 'node:util';
import { CountyScale } from '@sunshine/contracts';
import { MAX_SEED, type GenerateOptions } from './generate';

export const USAGE = 'usage: npm run gen -- --scale tiny|demo|county --seed N --out DIR';

/** Parses `npm run gen` arguments, or explains every problem with them at once. */
export function parseCliArgs(argv: string[]): GenerateOptions | { error: string } {
  let values: { scale?: string; seed?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scale: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { error: USAGE };
  const problems: string[] = [];
  const scale = CountyScale.safeParse(values.scale);
  if (!scale.success) problems.push(`--scale must be tiny, demo or county (got ${values.scale ?? 'nothing'})`);
  const seedText = values.seed ?? '';
  const seed = Number(seedText);
  if (!/^\d{1,10}$/.test(seedText) || seed > MAX_SEED) problems.push(`--seed must be a whole number from 0 to ${MAX_SEED} (got ${values.seed ?? 'nothing'})`);
  const outDir = values.out ?? '';
  if (outDir === '') problems.push('--out DIR is required: the directory to write the county into');
  if (!scale.success || problems.length > 0) return { error: problems.join('\n') };
  return { scale: scale.data, seed, outDir };
}
