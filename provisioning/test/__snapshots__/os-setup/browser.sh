#!/bin/sh
# Sunshine kiosk browser, started by sunshine-kiosk-screen.service. Written by kiosk-provision os-setup.
set -u
URL="${KIOSK_URL:-http://127.0.0.1:8600/}"
HEALTH="${KIOSK_HEALTH_URL:-http://127.0.0.1:8600/api/health}"

# A black screen until the agent answers, never Chromium's "site can't be reached" page:
# the kiosk has no one to press reload. The watchdog restarts an agent that never answers.
until curl -fsS -o /dev/null -m 2 "$HEALTH"; do
  sleep 2
done

PREFS="$HOME/.config/chromium/Default/Preferences"
if [ -f "$PREFS" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$PREFS"
fi

exec /usr/bin/chromium \
  --kiosk \
  --noerrdialogs \
  --disable-infobars \
  --disable-translate \
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation,MediaRouter \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --disable-session-crashed-bubble \
  --autoplay-policy=no-user-gesture-required \
  --check-for-update-interval=31536000 \
  --no-first-run \
  --no-default-browser-check \
  --password-store=basic \
  --disable-sync \
  --disable-component-update \
  --disable-background-networking \
  --ozone-platform=wayland \
  "$URL"
