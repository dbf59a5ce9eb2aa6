import type { Command } from 'commander';
import { defaultDataDir } from '../defaults';
import { parsePaper, parsePort } from './parse';

export function registerEnrol(program: Command): void {
  program
    .command('enrol')
    .description("开通 exchange a one-time code for this kiosk's credential, write the agent's settings and pull the county's data")
    .requiredOption('--central <url>', 'central server URL, e.g. https://central.example.gov.cn')
    .requiredOption('--code <code>', 'one-time enrolment code from the county console (16 letters/digits)')
    .option('--name <name>', "kiosk name, e.g. 'XX村村委会'")
    .option('--printer <interface>', 'receipt printer: tcp://host:9100 or a device path', '/dev/usb/lp0')
    .option('--paper <mm>', 'paper roll width: 58 or 80', parsePaper, 80)
    .option('--agent-port <port>', "the agent's loopback port", parsePort, 8600)
    .option('--data-dir <dir>', "the agent's data dir (must be empty or absent)", defaultDataDir())
    .addHelpText('after', "\nExample:\n  sudo npx kiosk-provision enrol --central https://central.example --code ABCD-EFGH-JKMN-PQRS --name 'XX村村委会' --printer /dev/usb/lp0 --paper 80")
    .action(async (opts: { central: string; code: string; name?: string; printer: string; paper: 58 | 80; agentPort: number; dataDir: string }) => {
      // Loaded on use: only enrol needs the agent's database code.
      const { enrol } = await import('../enrol');
      const { enrolment, settings, dataVersion } = await enrol({
        centralUrl: opts.central,
        code: opts.code,
        name: opts.name,
        printer: opts.printer,
        paper: opts.paper,
        agentPort: opts.agentPort,
        dataDir: opts.dataDir,
      });
      const village = enrolment.villageCode ? `, village ${enrolment.villageCode}` : '';
      console.log(`开通成功 Enrolled as kiosk ${enrolment.kioskNumber} (${enrolment.name}${village}); data version ${dataVersion} is on this kiosk.`);
      console.log(`Settings: ${settings.AGENT_DATA_DIR}/agent.env; next: kiosk-provision os-setup --user kiosk, then kiosk-provision check.`);
    });
}
