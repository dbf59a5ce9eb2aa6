import fs from 'node:fs';
import type { Command } from 'commander';
import { ProvisionError } from '../errors';
import { revokeKiosk } from '../revoke';

export function registerRevoke(program: Command): void {
  program
    .command('revoke')
    .description('注销 (county admin) revoke a kiosk at central: its credential stops working at once')
    .requiredOption('--central <url>', 'central server URL')
    .requiredOption('--kiosk <number>', 'the 4-digit kiosk number, e.g. 0042')
    .option('--username <name>', 'staff admin username', 'admin')
    .option('--password-file <file>', 'read the password from this file (default: $CENTRAL_ADMIN_PASSWORD)')
    .addHelpText('after', '\nExample:\n  CENTRAL_ADMIN_PASSWORD=… npx kiosk-provision revoke --central https://central.example --kiosk 0042')
    .action(async (opts: { central: string; kiosk: string; username: string; passwordFile?: string }) => {
      const password = opts.passwordFile ? fs.readFileSync(opts.passwordFile, 'utf8').trim() : process.env.CENTRAL_ADMIN_PASSWORD;
      if (!password) throw new ProvisionError('缺少密码 give the admin password in $CENTRAL_ADMIN_PASSWORD or with --password-file FILE');
      await revokeKiosk({ centralUrl: opts.central, kioskNumber: opts.kiosk, username: opts.username, password });
      console.log(`已注销 Kiosk ${opts.kiosk} is revoked; central refuses its credential from now on. Re-enrol it with a new code: kiosk-provision re-enrol --code NEW`);
    });
}
