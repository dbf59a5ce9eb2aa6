import { afterAll, describe, expect, it } from 'vitest';
import type { CountyScale } from '@sunshine/contracts';
import { SCALES } from '../src/index';
import { generate, loadCountyData, removeTempDirs } from './fixtures';
import { detectAnomalies, sortFindings } from './reference-checker';

afterAll(removeTempDirs);

const cases: [CountyScale, number][] = [
  ['tiny', 1],
  ['tiny', 2],
  ['tiny', 99],
  ['demo', 5],
];

describe.each(cases)('planted anomalies of %s county, seed %i', (scale, seed) => {
  it('are exactly what the cross-check rules find, evidence included', async () => {
    const { dir, manifest } = await generate(scale, seed);
    const planted = sortFindings(manifest.anomalies.map(({ kind, idNumber, paymentIds }) => ({ kind, idNumber, paymentIds: [...paymentIds].sort() })));
    expect(detectAnomalies(loadCountyData(dir))).toEqual(planted);
  });

  it('number the scale asks for, of every kind, one person each', async () => {
    const { manifest } = await generate(scale, seed);
    const perKind = new Map<string, number>();
    for (const a of manifest.anomalies) perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + 1);
    expect([...perKind.values()]).toEqual(Array(6).fill(SCALES[scale].anomaliesPerKind));
    expect(new Set(manifest.anomalies.map((a) => a.idNumber)).size).toBe(manifest.anomalies.length);
  });

  it('cite payments as evidence wherever the rule is about payments', async () => {
    const { manifest } = await generate(scale, seed);
    const aboutPayments = manifest.anomalies.filter((a) => !a.kind.startsWith('poverty_household'));
    for (const anomaly of aboutPayments) expect(anomaly.paymentIds.length, anomaly.kind).toBeGreaterThan(0);
    for (const anomaly of manifest.anomalies) expect(anomaly.note).toMatch(/[\u4e00-\u9fff]/);
  });
});
