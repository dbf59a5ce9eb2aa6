import { healthUrl, UNIT, type OsSetupOptions } from './options';

/** A systemd unit file from sections of `key=value` lines; empty values are left out. */
export function renderUnit(comment: string, sections: Record<string, [string, string | undefined][]>): string {
  const body = Object.entries(sections).map(([name, lines]) => [`[${name}]`, ...lines.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`)].join('\n'));
  return `# ${comment}\n# Written by kiosk-provision os-setup; run it again rather than editing by hand.\n\n${body.join('\n\n')}\n`;
}

/** /var/lib/X is a systemd state dir: systemd creates it and hands it to the user at every start. */
const stateDirectory = (dataDir: string) => /^\/var\/lib\/([\w.-]+)$/.exec(dataDir)?.[1];

/** The agent: starts when the network is up (but also without one), restarts forever. */
export function renderAgentUnit(o: OsSetupOptions): string {
  const stateDir = stateDirectory(o.dataDir);
  return renderUnit('Sunshine kiosk agent (阳光监督一体机 本机服务): cache, sync, complaints, printing, on 127.0.0.1', {
    Unit: [
      ['Description', 'Sunshine kiosk agent'],
      ['Documentation', `file://${o.appDir}/docs/operations.md`],
      ['Wants', 'network-online.target'],
      ['After', 'network-online.target time-sync.target'],
      // Never give up restarting: a kiosk has nobody to press a button.
      ['StartLimitIntervalSec', '0'],
    ],
    Service: [
      ['Type', 'simple'],
      ['User', o.user],
      ['Group', o.user],
      // lp: the USB receipt printer's device node (/dev/usb/lp0) belongs to group lp.
      ['SupplementaryGroups', 'lp'],
      ['WorkingDirectory', o.appDir],
      ['Environment', `NODE_ENV=production AGENT_DATA_DIR=${o.dataDir} AGENT_PORT=${o.agentPort}`],
      // Written by kiosk-provision enrol; its values win over the defaults above.
      ['EnvironmentFile', `${o.dataDir}/agent.env`],
      ['StateDirectory', stateDir],
      ['StateDirectoryMode', stateDir ? '0700' : undefined],
      ['ExecStartPre', stateDir ? undefined : `+/bin/chown -R ${o.user}:${o.user} ${o.dataDir}`],
      ['ExecStart', `${o.nodePath} --import tsx ${o.appDir}/kiosk-agent/src/main.ts`],
      ['Restart', 'always'],
      ['RestartSec', '2'],
      ['TimeoutStopSec', '15'],
      ['NoNewPrivileges', 'yes'],
      ['PrivateTmp', 'yes'],
      ['ProtectSystem', 'full'],
      ['ProtectHome', 'yes'],
    ],
    Install: [['WantedBy', 'multi-user.target']],
  });
}

/**
 * The screen: Chromium in kiosk mode inside cage, a Wayland compositor that runs exactly
 * one full-screen app and nothing else (no desktop, no panel, no VT switching). It is a
 * system service that takes the console like a display manager, so it needs no autologin.
 */
export function renderScreenUnit(o: OsSetupOptions): string {
  return renderUnit('Sunshine kiosk screen: Chromium in kiosk mode in the cage compositor, on the console', {
    Unit: [
      ['Description', 'Sunshine kiosk screen (Chromium in cage)'],
      ['Documentation', `file://${o.appDir}/docs/operations.md`],
      ['Wants', `${UNIT.agent} dbus.socket systemd-logind.service`],
      ['After', `${UNIT.agent} systemd-user-sessions.service plymouth-quit-wait.service dbus.socket systemd-logind.service getty@${o.tty}.service`],
      ['Conflicts', `getty@${o.tty}.service`],
      ['Before', 'graphical.target'],
      ['ConditionPathExists', `/dev/${o.tty}`],
      ['StartLimitIntervalSec', '0'],
    ],
    Service: [
      ['Type', 'simple'],
      ['User', o.user],
      // A PAM session on the console gives the user the seat (GPU, touch input) via logind.
      ['PAMName', 'sunshine-kiosk-screen'],
      ['TTYPath', `/dev/${o.tty}`],
      ['TTYReset', 'yes'],
      ['TTYVHangup', 'yes'],
      ['TTYVTDisallocate', 'yes'],
      ['StandardInput', 'tty-fail'],
      ['StandardOutput', 'journal'],
      ['StandardError', 'journal'],
      ['UtmpIdentifier', o.tty],
      ['UtmpMode', 'user'],
      ['Environment', `XDG_SESSION_TYPE=wayland KIOSK_URL=${o.url} KIOSK_HEALTH_URL=${healthUrl(o)}`],
      ['ExecStart', `${o.cagePath} -d -- ${o.libDir}/browser.sh`],
      ['Restart', 'always'],
      ['RestartSec', '3'],
    ],
    Install: [
      ['WantedBy', 'graphical.target'],
    ],
  });
}

/** The PAM stack for the screen's console session (account and session only; no password). */
export function renderPam(): string {
  return [
    '# PAM for sunshine-kiosk-screen.service: a console session for the kiosk user, no password.',
    'auth     required pam_unix.so nullok',
    'account  required pam_unix.so',
    'session  required pam_unix.so',
    'session  required pam_systemd.so',
    '',
  ].join('\n');
}
