import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../src/index';
import { ALL_FILES } from './read-county';
import { removeTempDirs, tempDir } from './fixtures';

afterAll(removeTempDirs);

const FILES = [...ALL_FILES, 'manifest.json'];
const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

describe('generateCounty', () => {
  it('writes byte-identical files for the same scale and seed', async () => {
    const [a, b] = [tempDir('same-a'), tempDir('same-b')];
    await generateCounty({ scale: 'tiny', seed: 7, outDir: a });
    await generateCounty({ scale: 'tiny', seed: 7, outDir: b });
    for (const file of FILES) expect(read(a, file), file).toBe(read(b, file));
  });

  it('writes different people and payments for a different seed, on the same map', async () => {
    const [a, b] = [tempDir('seed-7'), tempDir('seed-8')];
    await generateCounty({ scale: 'tiny', seed: 7, outDir: a });
    await generateCounty({ scale: 'tiny', seed: 8, outDir: b });
    expect(read(a, 'payments.csv')).not.toBe(read(b, 'payments.csv'));
    expect(read(a, 'registry-people.csv')).not.toBe(read(b, 'registry-people.csv'));
    expect(read(a, 'villages.csv')).toBe(read(b, 'villages.csv'));
  });

  it('refuses an unknown scale or a seed out of range', async () => {
    const outDir = tempDir('bad');
    // @ts-expect-error the scale is checked at run time too, for JavaScript callers.
    await expect(generateCounty({ scale: 'huge', seed: 1, outDir })).rejects.toThrow();
    await expect(generateCounty({ scale: 'tiny', seed: 1.5, outDir })).rejects.toThrow(/seed/);
    await expect(generateCounty({ scale: 'tiny', seed: -1, outDir })).rejects.toThrow(/seed/);
  });
});
