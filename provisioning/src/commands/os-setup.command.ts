import path from 'node:path';
import type { Command } from 'commander';
import { readAgentSettings } from '../agent-config';
import { appDir, defaultDataDir } from '../defaults';
import { parseBaseUrl } from '../errors';
import { applyPlan, systemDeps } from '../systemd/apply';
import type { OsSetupOptions } from '../systemd/options';
import { formatPlan, planOsSetup } from '../systemd/plan';
import { parsePort, parseTime } from './parse';

interface OsSetupFlags {
  user: string;
  apply?: boolean;
  root: string;
  agentPort?: number;
  url?: string;
  dataDir: string;
  appDir: string;
  node: string;
  chromium: string;
  cage: string;
  rebootAt: string;
  tty: string;
}

export function registerOsSetup(program: Command): void {
  program
    .command('os-setup')
    .description('系统设置 write systemd units for the agent and the kiosk screen (Chromium in cage), a watchdog, a nightly reboot, no sleep or blanking; dry run unless --apply')
    .requiredOption('--user <user>', 'the unprivileged user that runs the agent and the browser, e.g. kiosk')
    .option('--apply', 'install and enable everything (needs root)')
    .option('--root <dir>', 'write the files under this directory instead of / (for building an image); commands are listed, not run', '/')
    .option('--agent-port <port>', "the agent's port (default: AGENT_PORT from agent.env, else 8600)", parsePort)
    .option('--url <url>', 'what the screen shows (default http://127.0.0.1:AGENT_PORT/)')
    .option('--data-dir <dir>', "the agent's data dir", defaultDataDir())
    .option('--app-dir <dir>', 'where this repository is installed', appDir)
    .option('--node <path>', 'node binary', process.execPath)
    .option('--chromium <path>', 'chromium binary', '/usr/bin/chromium')
    .option('--cage <path>', 'cage binary', '/usr/bin/cage')
    .option('--reboot-at <HH:MM>', 'nightly reboot time, local', parseTime, '03:30')
    .option('--tty <tty>', 'the console the screen takes', 'tty1')
    .addHelpText('after', '\nExamples:\n  npx kiosk-provision os-setup --user kiosk            # print what would be done\n  sudo npx kiosk-provision os-setup --user kiosk --apply')
    .action((flags: OsSetupFlags) => {
      const options = toOptions(flags);
      const plan = planOsSetup(options);
      if (!flags.apply) {
        console.log(formatPlan(plan));
        return;
      }
      applyPlan(plan, { user: options.user, binaries: [options.nodePath, options.chromiumPath, options.cagePath, '/usr/bin/curl'] }, systemDeps(flags.root));
      console.log(
        flags.root === '/'
          ? '完成 Done. Reboot once to check the kiosk comes up by itself: sudo reboot'
          : `完成 Files written under ${flags.root}; run the commands above on the kiosk (or: systemctl --root=${flags.root} enable …).`,
      );
    });
}

function toOptions(flags: OsSetupFlags): OsSetupOptions {
  const settings = readAgentSettings(flags.dataDir);
  const agentPort = flags.agentPort ?? (settings.ok ? settings.settings.AGENT_PORT : 8600);
  return {
    user: flags.user,
    appDir: path.resolve(flags.appDir),
    dataDir: path.resolve(flags.dataDir),
    agentPort,
    url: parseBaseUrl(flags.url ?? `http://127.0.0.1:${agentPort}/`, '--url').toString(),
    nodePath: flags.node,
    chromiumPath: flags.chromium,
    cagePath: flags.cage,
    libDir: '/usr/local/lib/sunshine-kiosk',
    tty: flags.tty,
    rebootAt: flags.rebootAt,
  };
}
