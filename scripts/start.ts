// `npm start`: the whole demo on one machine — central with a demo county, one enrolled
// kiosk agent serving the kiosk UI, and the virtual printer. Ctrl-C stops them all.
import path from 'node:path';
import { build } from 'vite';
import { healthApi, urlOf } from '@sunshine/contracts';
import { z } from 'zod';
import { ensureDemoReviewer } from './demo-accounts';
import { launchStack, repoRoot } from './stack';

const Env = z.object({
  DEMO_DIR: z.string().default(path.join(repoRoot, '.demo')),
  CENTRAL_PORT: z.coerce.number().int().default(8700),
  AGENT_PORT: z.coerce.number().int().default(8600),
  VIRTUAL_PRINTER_PORT: z.coerce.number().int().default(9100),
  CENTRAL_DATA_DIR: z.string().optional(),
  AGENT_DATA_DIR: z.string().optional(),
  CENTRAL_URL: z.url().optional(),
  PRINTER_INTERFACE: z.string().optional(),
  CENTRAL_ADMIN_PASSWORD: z.string().min(8).optional(),
});
const env = Env.parse(process.env);
const demoDir = path.resolve(env.DEMO_DIR);

console.log('Building the kiosk UI…');
await build({ root: path.join(repoRoot, 'kiosk-ui'), logLevel: 'warn' });

console.log(`Starting the demo in ${demoDir} (the first start generates the demo county)…`);
const stack = await launchStack({
  countyDir: path.join(demoDir, 'county'),
  centralDataDir: path.resolve(env.CENTRAL_DATA_DIR ?? path.join(demoDir, 'central')),
  agentDataDir: path.resolve(env.AGENT_DATA_DIR ?? path.join(demoDir, 'agent')),
  centralPort: env.CENTRAL_PORT,
  agentPort: env.AGENT_PORT,
  printerPort: env.VIRTUAL_PRINTER_PORT,
  printerInterface: env.PRINTER_INTERFACE,
  agentCentralUrl: env.CENTRAL_URL,
  adminPassword: env.CENTRAL_ADMIN_PASSWORD,
  scale: 'demo',
  quiet: true,
});

const reviewerPassword = await ensureDemoReviewer(stack.centralUrl, stack.adminPassword).catch(async (err: unknown) => {
  await stack.stop();
  throw err;
});

// Grouped 6-8-4 so they are easy to type from the screen.
const samples = stack.county.samplePeople
  .slice(0, 5)
  .map(({ idNumber: id, name }) => `    ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}  ${name}`);
console.log(`
Sunshine Kiosk demo is running.

  Kiosk (touchscreen UI):  ${stack.agentUrl}/
  Central (county API):    ${stack.centralUrl}${urlOf(healthApi.health)}   (staff API in docs/api.md)
  Printer:                 ${stack.printerInterface}   (virtual printer's receipts: ${stack.printerPageUrl})

  Staff login:  admin / ${stack.adminPassword}${env.CENTRAL_ADMIN_PASSWORD ? '' : '   (random; set CENTRAL_ADMIN_PASSWORD to choose one)'}
                reviewer / ${reviewerPassword}   (random each start; two people publish:
                the admin uploads or corrects, the reviewer approves)

  ID numbers to try at 查补贴:
${samples.join('\n')}

Press Ctrl-C to stop everything.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping central, agent and virtual printer…');
    stack.stop().then(() => process.exit(0));
  });
}
