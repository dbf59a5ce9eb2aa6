import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient, startTestCentral, type TestCentral } from './harness';
import { uploadFile } from './import-support';

// Each corruption breaks one column of a generated payment row, the way real uploads go wrong.
const CORRUPTIONS: { column: number; name: string; apply: (v: string) => string }[] = [
  { column: 3, name: 'idNumber', apply: (v) => v.slice(0, 17) + (v.endsWith('0') ? '1' : '0') },
  { column: 4, name: 'villageCode', apply: () => '999999999999' },
  { column: 5, name: 'amountFen', apply: (v) => `-${v}` },
  { column: 7, name: 'paidDate', apply: () => '2099-01-01' },
  { column: 2, name: 'recipientName', apply: () => '' },
];

describe('an import of the generated county with 1% of its rows corrupted', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startTestCentral();
  });
  afterAll(() => central.close());

  it('reports exactly the corrupted rows and columns', async () => {
    const [header, ...lines] = fs.readFileSync(path.join(central.dir, 'county', 'payments.csv'), 'utf8').trim().split('\n');
    const department = lines[0]?.split(',')[8] ?? '';
    const own = lines.filter((l) => l.split(',')[8] === department);
    const expected: [number, string][] = [];
    const rows = own.map((line, i) => {
      const cells = line.split(',');
      cells[0] = `re-${cells[0]}`; // new ids: these are new records, not duplicates of the published ones
      if (i % 100 === 50) {
        const corruption = CORRUPTIONS[expected.length % CORRUPTIONS.length];
        if (corruption) {
          cells[corruption.column] = corruption.apply(cells[corruption.column] ?? '');
          expected.push([i + 2, corruption.name]);
        }
      }
      return cells.join(',');
    });
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const report = await uploadFile(await adminApiClient(central.url), { type: 'payments', department }, [header, ...rows].join('\n'));
    expect(report.problems.map((p) => [p.row, p.column])).toEqual(expected);
    expect(report.validRows).toBe(rows.length - expected.length);
  });
});
