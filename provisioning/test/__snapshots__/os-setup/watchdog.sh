#!/bin/sh
# Sunshine kiosk watchdog, run by sunshine-kiosk-watchdog.timer. Written by kiosk-provision os-setup.
set -u
HEALTH="http://127.0.0.1:8600/api/health"
STATE="${WATCHDOG_STATE_DIR:-/run/sunshine-kiosk-watchdog}"
FAILS_BEFORE_RESTART=3
mkdir -p "$STATE"
fails=$(cat "$STATE/agent-failures" 2>/dev/null || echo 0)

if curl -fsS -o /dev/null -m 10 "$HEALTH"; then
  echo 0 > "$STATE/agent-failures"
  if [ -f "$STATE/agent-restarted" ] || [ "$fails" -gt 0 ]; then
    rm -f "$STATE/agent-restarted"
    logger -t sunshine-kiosk-watchdog "agent answers again; restarting the screen"
    systemctl restart sunshine-kiosk-screen.service
  elif ! systemctl is-active --quiet sunshine-kiosk-screen.service; then
    logger -t sunshine-kiosk-watchdog "screen is not running; starting it"
    systemctl restart sunshine-kiosk-screen.service
  fi
  exit 0
fi

fails=$((fails + 1))
echo "$fails" > "$STATE/agent-failures"
logger -t sunshine-kiosk-watchdog "agent health check failed ($fails in a row): $HEALTH"
if [ "$fails" -ge "$FAILS_BEFORE_RESTART" ]; then
  logger -t sunshine-kiosk-watchdog "restarting sunshine-kiosk-agent.service"
  echo 0 > "$STATE/agent-failures"
  touch "$STATE/agent-restarted"
  systemctl restart sunshine-kiosk-agent.service
fi
