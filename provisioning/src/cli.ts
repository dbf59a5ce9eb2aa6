#!/usr/bin/env node
import { Command } from 'commander';
import { registerCheck } from './commands/check.command';
import { registerEnrol } from './commands/enrol.command';
import { registerOsSetup } from './commands/os-setup.command';
import { registerReEnrol } from './commands/re-enrol.command';
import { registerRevoke } from './commands/revoke.command';
import { ProvisionError } from './errors';

const program = new Command('kiosk-provision')
  .description('阳光监督一体机 安装工具 — enrol a Sunshine kiosk with central and set up its machine.')
  .showHelpAfterError('(add --help for usage)');

registerEnrol(program);
registerCheck(program);
registerOsSetup(program);
registerReEnrol(program);
registerRevoke(program);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ProvisionError) {
    console.error(`✘ ${err.message}`);
  } else {
    console.error('✘ 出错了 unexpected error; please send this to the county IT:', err);
  }
  process.exitCode = 1;
});
