#!/usr/bin/env node
import { Command } from 'commander';
import { enrol, EnrolFailed } from './enrol';

const program = new Command('kiosk-provision').description('Enrol a Sunshine kiosk with central and set up its machine.');

program
  .command('enrol')
  .description("exchange a one-time code for this kiosk's credential and pull the county's data")
  .requiredOption('--central <url>', 'central server URL, e.g. https://central.example.gov.cn')
  .requiredOption('--code <code>', 'one-time enrolment code from the county console')
  .option('--name <name>', "kiosk name, e.g. 'XX村村委会'")
  .option('--data-dir <dir>', "the agent's data dir", process.env.AGENT_DATA_DIR ?? '/var/lib/sunshine-kiosk')
  .action(async (opts: { central: string; code: string; name?: string; dataDir: string }) => {
    const { enrolment, dataVersion } = await enrol({ centralUrl: opts.central, code: opts.code, name: opts.name, dataDir: opts.dataDir });
    console.log(`Enrolled as kiosk ${enrolment.kioskNumber} (${enrolment.name}); data version ${dataVersion} is on this kiosk.`);
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof EnrolFailed ? `Enrolment failed: ${err.message}` : err);
  process.exitCode = 1;
});
