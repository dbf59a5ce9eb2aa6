import { parseCliArgs, USAGE } from './cli-args';
import { generateCounty } from './generate';

const args = parseCliArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`${args.error}\n${USAGE}`);
  process.exit(2);
}
const started = performance.now();
const manifest = await generateCounty(args);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const c = manifest.counts;
console.log(
  `${manifest.county.name} (${args.scale}, seed ${args.seed}) → ${args.outDir}: ${c.villages} villages, ${c.people} people, ` +
    `${c.payments} payments, ${c.projects} projects, ${c.financeLines} finance lines, ${c.notices} notices, ` +
    `${manifest.anomalies.length} planted anomalies, in ${seconds} s`,
);
