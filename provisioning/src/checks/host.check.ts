import fs from 'node:fs';
import { fail, pass, warn, type CheckResult } from './check';

const MiB = 1024 * 1024;
export const DISK_FAIL_BYTES = 500 * MiB;
export const DISK_WARN_BYTES = 2048 * MiB;

/** Free space where the agent keeps its cache, outbox and voice recordings. */
export function checkDisk(dataDir: string): CheckResult {
  const title = '磁盘空间 disk';
  let free: number;
  try {
    const stats = fs.statfsSync(dataDir);
    free = stats.bavail * stats.bsize;
  } catch (err) {
    return fail('disk', title, `cannot read free space of ${dataDir}: ${err instanceof Error ? err.message : String(err)}`, 'Check that the data dir exists and the disk is mounted.');
  }
  const detail = `${Math.floor(free / MiB)} MiB free on ${dataDir}`;
  const hint = 'Free space: sudo journalctl --vacuum-size=100M; sudo apt-get clean; remove old kiosk.sqlite.before-re-enrol-* copies once their complaints are delivered.';
  if (free < DISK_FAIL_BYTES) return fail('disk', title, detail, hint);
  if (free < DISK_WARN_BYTES) return warn('disk', title, detail, hint);
  return pass('disk', title, detail);
}

export const CLOCK_WARN_MS = 30_000;
export const CLOCK_FAIL_MS = 5 * 60_000;

/**
 * The kiosk's clock against central's `Date` header. Ticket times, receipts and TLS all
 * depend on it; a kiosk without a battery-backed clock can boot years off.
 */
export function checkClock(serverDate: Date | null, now: Date = new Date()): CheckResult {
  const title = '时钟 clock';
  const hint = 'Turn on time sync: sudo timedatectl set-ntp true (or set it: sudo date -s "YYYY-MM-DD HH:MM:SS"); a clock that resets after power cuts needs a new BIOS battery.';
  if (!serverDate || Number.isNaN(serverDate.getTime())) {
    if (now.getUTCFullYear() < 2025) return fail('clock', title, `the clock says ${now.toISOString()}, which cannot be right`, hint);
    return warn('clock', title, `not compared: central did not answer; the clock says ${now.toISOString()}`, 'Run check again when central is reachable.');
  }
  const skew = now.getTime() - serverDate.getTime();
  const detail = `${Math.abs(Math.round(skew / 1000))} s ${skew >= 0 ? 'ahead of' : 'behind'} central`;
  if (Math.abs(skew) > CLOCK_FAIL_MS) return fail('clock', title, detail, hint);
  if (Math.abs(skew) > CLOCK_WARN_MS) return warn('clock', title, detail, hint);
  return pass('clock', title, detail);
}
