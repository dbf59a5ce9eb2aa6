import type { Command } from 'commander';
import { defaultDataDir } from '../defaults';

export function registerReEnrol(program: Command): void {
  program
    .command('re-enrol')
    .description("重新开通 replace this kiosk's credential, keeping its number, data and undelivered complaints")
    .requiredOption('--code <code>', "a re-enrolment code for this kiosk's number from the county console")
    .option('--central <url>', 'a new central URL (default: CENTRAL_URL from agent.env)')
    .option('--name <name>', 'a new kiosk name (default: the current one)')
    .option('--fresh-data', 'set the cache (data and outbox) aside, download the data afresh and start as a new kiosk with a code for a new kiosk')
    .option('--data-dir <dir>', "the agent's data dir", defaultDataDir())
    .addHelpText('after', '\nStop the agent first: sudo systemctl stop sunshine-kiosk-agent; start it again afterwards.')
    .action(async (opts: { code: string; central?: string; name?: string; freshData?: boolean; dataDir: string }) => {
      const { reEnrol } = await import('../re-enrol');
      const result = await reEnrol({ dataDir: opts.dataDir, code: opts.code, centralUrl: opts.central, name: opts.name, freshData: opts.freshData });
      const { kioskNumber, name, villageCode } = result.enrolment;
      const kept = kioskNumber === result.previous.kioskNumber ? `kiosk ${kioskNumber} keeps its number` : `kiosk ${result.previous.kioskNumber} is now kiosk ${kioskNumber}`;
      console.log(`重新开通成功 Re-enrolled: ${kept} (${name}${villageCode ? `, village ${villageCode}` : ''}); data version ${result.dataVersion}.`);
      if (kioskNumber !== result.previous.kioskNumber) {
        console.log(`注意 The kiosk number changed (${result.previous.kioskNumber} → ${result.enrolment.kioskNumber}). New tickets use the new number; tickets already printed keep working for follow-up.`);
      }
      if (result.previousCacheKeptAt) {
        console.log(`The data was downloaded afresh; the old cache is kept at ${result.previousCacheKeptAt}.`);
      }
      if (result.pullError) console.log(`注意 Downloading new data failed (${result.pullError}); the agent will try again when central is reachable.`);
      console.log('Now start the agent: sudo systemctl restart sunshine-kiosk-agent; then run kiosk-provision check.');
    });
}
