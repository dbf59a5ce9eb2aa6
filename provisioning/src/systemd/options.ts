import { agentApi } from '@sunshine/contracts';

/** Everything the OS setup files depend on; rendering is a pure function of this. */
export interface OsSetupOptions {
  /** The unprivileged user that runs the agent and the browser. */
  user: string;
  /** Where the repository (with node_modules) is installed, e.g. /opt/sunshine-kiosk. */
  appDir: string;
  dataDir: string;
  agentPort: number;
  /** What the browser shows; the agent's UI. */
  url: string;
  nodePath: string;
  chromiumPath: string;
  cagePath: string;
  /** Where the helper scripts go. */
  libDir: string;
  /** The virtual terminal the screen takes, e.g. tty1. */
  tty: string;
  /** Daily reboot time, HH:MM local time. */
  rebootAt: string;
}

export const UNIT = {
  agent: 'sunshine-kiosk-agent.service',
  screen: 'sunshine-kiosk-screen.service',
  watchdog: 'sunshine-kiosk-watchdog.service',
  watchdogTimer: 'sunshine-kiosk-watchdog.timer',
  reboot: 'sunshine-kiosk-reboot.service',
  rebootTimer: 'sunshine-kiosk-reboot.timer',
} as const;

/** The agent's health route on loopback: the watchdog and the browser's start wait on it. */
export const healthUrl = (o: OsSetupOptions) => `http://127.0.0.1:${o.agentPort}${agentApi.health.health.path}`;

/** Chromium flags for an unattended touchscreen: no zoom, no swipe-back, no prompts, no dialogs. */
export const CHROMIUM_FLAGS = [
  '--kiosk',
  '--noerrdialogs',
  '--disable-infobars',
  '--disable-translate',
  '--disable-features=Translate,TouchpadOverscrollHistoryNavigation,MediaRouter',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--disable-session-crashed-bubble',
  '--autoplay-policy=no-user-gesture-required',
  '--check-for-update-interval=31536000',
  '--no-first-run',
  '--no-default-browser-check',
  '--password-store=basic',
  '--disable-sync',
  '--disable-component-update',
  '--disable-background-networking',
  '--ozone-platform=wayland',
] as const;
