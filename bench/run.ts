// `npm run bench [-- name-filter]`: runs every benchmark, prints a table, writes bench/results.json.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchResult } from './harness';
import { agentRss } from './agent-rss.bench';
import { centralImport } from './central-import.bench';
import { complaintIntake } from './complaint-intake.bench';
import { correctionDelta } from './correction-delta.bench';
import { deltaApply } from './delta-apply.bench';
import { paymentsLookup } from './payments-lookup.bench';
import { printLatency } from './print-latency.bench';
import { snapshotApply } from './snapshot-apply.bench';
import { uiBenchmarks } from './ui-app.bench';

// The kiosk-agent benchmarks share one county and kiosk; agent-rss (last of them) cleans it up.
// The central benchmarks (central-import, correction-delta) share another county.
const benchmarks: Benchmark[] = [snapshotApply, paymentsLookup, deltaApply, agentRss, complaintIntake, printLatency, uiBenchmarks, centralImport, correctionDelta];

const filter = process.argv[2];
const results: BenchResult[] = [];
for (const bench of benchmarks.filter((b) => !filter || b.name.includes(filter))) {
  console.log(`running ${bench.name}…`);
  results.push(...(await bench.run()));
}
console.table(results.map((r) => ({ ...r, pass: r.pass ? 'yes' : 'NO' })));
fs.writeFileSync(fileURLToPath(new URL('results.json', import.meta.url)), JSON.stringify(results, null, 2) + '\n');
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
