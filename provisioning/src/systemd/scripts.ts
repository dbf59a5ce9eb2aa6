import { CHROMIUM_FLAGS, healthUrl, UNIT, type OsSetupOptions } from './options';

/**
 * Started by cage as the kiosk user: waits for the agent so the first page is the kiosk
 * and not an error page, tells Chromium its last run ended cleanly (after a power cut it
 * would otherwise offer to "restore pages"), then becomes Chromium.
 */
export function renderBrowserScript(o: OsSetupOptions): string {
  return `#!/bin/sh
# Sunshine kiosk browser, started by ${UNIT.screen}. Written by kiosk-provision os-setup.
set -u
URL="\${KIOSK_URL:-${o.url}}"
HEALTH="\${KIOSK_HEALTH_URL:-${healthUrl(o)}}"

# A black screen until the agent answers, never Chromium's "site can't be reached" page:
# the kiosk has no one to press reload. The watchdog restarts an agent that never answers.
until curl -fsS -o /dev/null -m 2 "$HEALTH"; do
  sleep 2
done

PREFS="$HOME/.config/chromium/Default/Preferences"
if [ -f "$PREFS" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$PREFS"
fi

exec ${o.chromiumPath} \\
${CHROMIUM_FLAGS.map((f) => `  ${f} \\`).join('\n')}
  "$URL"
`;
}

/**
 * Run every minute as root. Three failed health checks in a row restart the agent; the
 * screen is restarted when it is not running, and whenever the agent answers again after
 * a failure, so a page left broken by the outage is loaded afresh.
 */
export function renderWatchdogScript(o: OsSetupOptions): string {
  return `#!/bin/sh
# Sunshine kiosk watchdog, run by ${UNIT.watchdogTimer}. Written by kiosk-provision os-setup.
set -u
HEALTH="${healthUrl(o)}"
STATE="\${WATCHDOG_STATE_DIR:-/run/sunshine-kiosk-watchdog}"
FAILS_BEFORE_RESTART=3
mkdir -p "$STATE"
fails=$(cat "$STATE/agent-failures" 2>/dev/null || echo 0)

if curl -fsS -o /dev/null -m 10 "$HEALTH"; then
  echo 0 > "$STATE/agent-failures"
  if [ -f "$STATE/agent-restarted" ] || [ "$fails" -gt 0 ]; then
    rm -f "$STATE/agent-restarted"
    logger -t sunshine-kiosk-watchdog "agent answers again; restarting the screen"
    systemctl restart ${UNIT.screen}
  elif ! systemctl is-active --quiet ${UNIT.screen}; then
    logger -t sunshine-kiosk-watchdog "screen is not running; starting it"
    systemctl restart ${UNIT.screen}
  fi
  exit 0
fi

fails=$((fails + 1))
echo "$fails" > "$STATE/agent-failures"
logger -t sunshine-kiosk-watchdog "agent health check failed ($fails in a row): $HEALTH"
if [ "$fails" -ge "$FAILS_BEFORE_RESTART" ]; then
  logger -t sunshine-kiosk-watchdog "restarting ${UNIT.agent}"
  echo 0 > "$STATE/agent-failures"
  touch "$STATE/agent-restarted"
  systemctl restart ${UNIT.agent}
fi
`;
}
