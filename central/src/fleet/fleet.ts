import type { FleetAlert, FleetSpan } from '@sunshine/contracts';
import type { StoredHeartbeat } from './fleet.ports';

/** Heartbeats come every 30 s; four missed ones mean offline. */
export const OFFLINE_AFTER_MS = 2 * 60_000;
const DISK_NEARLY_FULL_BYTES = 1024 ** 3;
const REPEATED_FAILURES = 3;

export interface OpeningHours {
  /** County local time (UTC+8), whole hours: open from `from` until `to`. */
  from: number;
  to: number;
}

/** Online means heard from recently: it corrects itself as soon as heartbeats resume. */
export function isOnline(lastSeenAt: string | null, now: Date, hasSocket: boolean): boolean {
  if (hasSocket) return true;
  return lastSeenAt !== null && now.getTime() - Date.parse(lastSeenAt) <= OFFLINE_AFTER_MS;
}

export function isOpen(now: Date, hours: OpeningHours): boolean {
  const hour = (now.getUTCHours() + 8) % 24;
  return hour >= hours.from && hour < hours.to;
}

/** What staff should look at, from the kiosk's latest heartbeats (newest first). */
export function fleetAlerts(recent: readonly StoredHeartbeat[], online: boolean, now: Date, hours: OpeningHours): FleetAlert[] {
  const alerts: FleetAlert[] = [];
  if (!online && isOpen(now, hours)) alerts.push({ kind: 'offline_in_opening_hours', message: '开放时间内离线' });
  const latest = recent[0];
  if (!latest) return alerts;
  const printer = latest.printer.state;
  if (printer === 'paper_low') alerts.push({ kind: 'paper_low', message: '打印纸快用完了' });
  if (printer === 'paper_out') alerts.push({ kind: 'paper_out', message: '打印纸用完了' });
  if (printer === 'offline') alerts.push({ kind: 'printer_offline', message: '打印机未连接' });
  if (latest.diskFreeBytes !== null && latest.diskFreeBytes < DISK_NEARLY_FULL_BYTES) alerts.push({ kind: 'disk_nearly_full', message: '磁盘空间不足1GB' });
  const failing = recent.slice(0, REPEATED_FAILURES);
  if (failing.length === REPEATED_FAILURES && failing.every((h) => h.lastSyncError !== null)) {
    alerts.push({ kind: 'repeated_sync_failures', message: `数据更新连续${REPEATED_FAILURES}次失败：${latest.lastSyncError ?? ''}` });
  }
  return alerts;
}

/**
 * Online and offline spans between `from` and `now`, from when heartbeats arrived: a gap
 * longer than the offline threshold is an offline span.
 */
export function onlineSpans(received: readonly string[], from: Date, now: Date): FleetSpan[] {
  const spans: FleetSpan[] = [];
  const push = (state: FleetSpan['state'], a: number, b: number) => {
    if (b <= a) return;
    const last = spans.at(-1);
    if (last && last.state === state) last.to = new Date(b).toISOString();
    else spans.push({ state, from: new Date(a).toISOString(), to: new Date(b).toISOString() });
  };
  let cursor = from.getTime();
  let lastBeat: number | null = null;
  for (const at of received.map((r) => Date.parse(r))) {
    if (lastBeat === null || at - lastBeat > OFFLINE_AFTER_MS) {
      push('offline', cursor, at);
    } else {
      push('online', cursor, at);
    }
    cursor = at;
    lastBeat = at;
  }
  const end = now.getTime();
  if (lastBeat !== null && end - lastBeat <= OFFLINE_AFTER_MS) push('online', cursor, end);
  else if (lastBeat !== null) {
    push('online', cursor, lastBeat + OFFLINE_AFTER_MS);
    push('offline', lastBeat + OFFLINE_AFTER_MS, end);
  } else push('offline', cursor, end);
  return spans;
}
