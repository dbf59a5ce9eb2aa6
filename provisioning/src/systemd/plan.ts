import { UNIT, type OsSetupOptions } from './options';
import { renderBrowserScript, renderWatchdogScript } from './scripts';
import {
  renderChromiumPolicy,
  renderGrubDropIn,
  renderLogindConf,
  renderRebootService,
  renderRebootTimer,
  renderWatchdogService,
  renderWatchdogTimer,
} from './timers';
import { renderAgentUnit, renderPam, renderScreenUnit } from './units';

export interface PlannedFile {
  path: string;
  mode: number;
  content: string;
}

export interface OsSetupPlan {
  files: PlannedFile[];
  /** Run in order after the files are written; each is argv, never a shell line. */
  commands: string[][];
}

const SYSTEMD = '/etc/systemd/system';

/** Every file and command that turns a Debian box into a locked kiosk. Pure: no I/O. */
export function planOsSetup(o: OsSetupOptions): OsSetupPlan {
  const unit = (name: string, content: string): PlannedFile => ({ path: `${SYSTEMD}/${name}`, mode: 0o644, content });
  const files: PlannedFile[] = [
    unit(UNIT.agent, renderAgentUnit(o)),
    unit(UNIT.screen, renderScreenUnit(o)),
    unit(UNIT.watchdog, renderWatchdogService(o)),
    unit(UNIT.watchdogTimer, renderWatchdogTimer()),
    unit(UNIT.reboot, renderRebootService()),
    unit(UNIT.rebootTimer, renderRebootTimer(o)),
    { path: `${o.libDir}/browser.sh`, mode: 0o755, content: renderBrowserScript(o) },
    { path: `${o.libDir}/watchdog.sh`, mode: 0o755, content: renderWatchdogScript(o) },
    { path: '/etc/pam.d/sunshine-kiosk-screen', mode: 0o644, content: renderPam() },
    { path: '/etc/chromium/policies/managed/sunshine-kiosk.json', mode: 0o644, content: renderChromiumPolicy(o) },
    { path: '/etc/systemd/logind.conf.d/sunshine-kiosk.conf', mode: 0o644, content: renderLogindConf() },
    { path: '/etc/default/grub.d/sunshine-kiosk.cfg', mode: 0o644, content: renderGrubDropIn() },
  ];
  const commands = [
    ['systemctl', 'daemon-reload'],
    // Enabled units start at every boot, so power coming back means the kiosk comes back.
    ['systemctl', 'enable', UNIT.agent, UNIT.screen, UNIT.watchdogTimer, UNIT.rebootTimer],
    ['systemctl', 'disable', `getty@${o.tty}.service`],
    ['systemctl', 'set-default', 'graphical.target'],
    ['systemctl', 'mask', 'sleep.target', 'suspend.target', 'hibernate.target', 'hybrid-sleep.target'],
    ['update-grub'],
    ['systemctl', 'restart', 'systemd-logind.service'],
    ['systemctl', 'restart', UNIT.agent],
    ['systemctl', 'restart', UNIT.screen],
    ['systemctl', 'start', UNIT.watchdogTimer, UNIT.rebootTimer],
  ];
  return { files, commands };
}

/** The dry run: every file with its mode and content, then every command. */
export function formatPlan(plan: OsSetupPlan): string {
  const files = plan.files.map((f) => `──── ${f.path} (mode ${f.mode.toString(8).padStart(4, '0')})\n${f.content}`);
  const commands = plan.commands.map((c) => `  ${c.join(' ')}`);
  return [
    '演练 Dry run: nothing was changed. Run again with --apply (as root) to do this:',
    '',
    ...files,
    '──── then run:',
    ...commands,
    '',
  ].join('\n');
}
