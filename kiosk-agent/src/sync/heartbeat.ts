import fs from 'node:fs';
import type { Heartbeat, HeartbeatAnswer, PrinterState } from '@sunshine/contracts';
import type { Logger } from '@sunshine/service-kit';
import type { UsageCounters } from '../health/usage';

export interface HeartbeatDeps {
  /** Resolves to central's answer, or null from a central that sends none. */
  send(beat: Heartbeat): Promise<HeartbeatAnswer | null>;
  /** What central holds about this kiosk now (its village), after each answered beat. */
  onAnswer(answer: HeartbeatAnswer): void;
  dataVersion(): number;
  outboxPending(): number;
  printerState(): PrinterState;
  lastSyncError(): string | null;
  usage: UsageCounters;
  dataDir: string;
  intervalMs: number;
  logger: Logger;
}

function diskFreeBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Tells central every `intervalMs` that this kiosk is alive, and how it is doing; hears back where it stands. */
export function startHeartbeats(deps: HeartbeatDeps) {
  const started = Date.now();
  async function beat(): Promise<void> {
    const usage = deps.usage.take();
    const heartbeat: Heartbeat = {
      sentAt: new Date().toISOString(),
      dataVersion: deps.dataVersion(),
      outboxPending: deps.outboxPending(),
      printer: { state: deps.printerState() },
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      diskFreeBytes: diskFreeBytes(deps.dataDir),
      lastSyncError: deps.lastSyncError()?.slice(0, 500) ?? null,
      usage,
    };
    let answer: HeartbeatAnswer | null;
    try {
      answer = await deps.send(heartbeat);
    } catch (err) {
      deps.usage.giveBack(usage);
      deps.logger.debug({ err: String(err) }, 'heartbeat not delivered');
      return;
    }
    try {
      if (answer) deps.onAnswer(answer);
    } catch (err) {
      deps.logger.warn({ err: String(err) }, 'heartbeat answer not applied');
    }
  }
  const timer = setInterval(() => void beat(), deps.intervalMs).unref();
  void beat();
  return { beat, stop: () => clearInterval(timer) };
}
