import { renderUnit } from './units';
import { UNIT, type OsSetupOptions } from './options';

export function renderWatchdogService(o: OsSetupOptions): string {
  return renderUnit('Sunshine kiosk watchdog: restarts the agent or the screen when /api/health stops answering', {
    Unit: [['Description', 'Sunshine kiosk watchdog']],
    Service: [
      ['Type', 'oneshot'],
      ['ExecStart', `${o.libDir}/watchdog.sh`],
    ],
  });
}

export function renderWatchdogTimer(): string {
  return renderUnit('Runs the Sunshine kiosk watchdog every minute, from two minutes after boot', {
    Unit: [['Description', 'Sunshine kiosk watchdog, every minute']],
    Timer: [
      ['OnBootSec', '2min'],
      ['OnUnitActiveSec', '1min'],
      ['AccuracySec', '10s'],
      ['Unit', UNIT.watchdog],
    ],
    Install: [['WantedBy', 'timers.target']],
  });
}

export function renderRebootService(): string {
  return renderUnit('Nightly reboot of the Sunshine kiosk: clears leaks and stuck devices while nobody uses it', {
    Unit: [['Description', 'Sunshine kiosk nightly reboot']],
    Service: [
      ['Type', 'oneshot'],
      ['ExecStart', '/usr/bin/systemctl --no-block reboot'],
    ],
  });
}

/** Persistent=false: a kiosk switched on after the window must not reboot at once. */
export function renderRebootTimer(o: OsSetupOptions): string {
  return renderUnit(`Reboots the Sunshine kiosk every night at ${o.rebootAt} (local time)`, {
    Unit: [['Description', 'Sunshine kiosk nightly reboot window']],
    Timer: [
      ['OnCalendar', `*-*-* ${o.rebootAt}:00`],
      ['RandomizedDelaySec', '10min'],
      ['Persistent', 'false'],
      ['Unit', UNIT.reboot],
    ],
    Install: [['WantedBy', 'timers.target']],
  });
}

/** Nothing may put the kiosk to sleep or blank its console: no idle action, no power keys. */
export function renderLogindConf(): string {
  return `# Sunshine kiosk: never sleep, never act on idle or on the power/suspend keys.
# Written by kiosk-provision os-setup.
[Login]
IdleAction=ignore
HandlePowerKey=ignore
HandleSuspendKey=ignore
HandleHibernateKey=ignore
HandleLidSwitch=ignore
HandleLidSwitchExternalPower=ignore
`;
}

/** consoleblank=0: the kernel console never blanks (the screen before and around cage). */
export function renderGrubDropIn(): string {
  return `# Sunshine kiosk: never blank the console. Written by kiosk-provision os-setup.
GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT consoleblank=0"
`;
}

/**
 * Chromium policy: only the kiosk's own pages, microphone allowed there (voice complaints),
 * no translate, no password or form saving, no devtools, no downloads, no browser printing.
 */
export function renderChromiumPolicy(o: OsSetupOptions): string {
  const origin = new URL(o.url).origin;
  const policy = {
    URLBlocklist: ['*'],
    URLAllowlist: [origin],
    AudioCaptureAllowedUrls: [origin],
    AutoplayAllowed: true,
    TranslateEnabled: false,
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    SpellcheckEnabled: false,
    DeveloperToolsAvailability: 2,
    DownloadRestrictions: 3,
    PrintingEnabled: false,
    DefaultNotificationsSetting: 2,
    BrowserSignin: 0,
    AllowFileSelectionDialogs: false,
    PromptForDownloadLocation: false,
  };
  return JSON.stringify(policy, null, 2) + '\n';
}
