import { z } from 'zod';
import { IsoDateTime, VillageCode } from './common';
import { PrinterState } from './health';

/** Agent → central every 30 s: `POST /api/kiosk-api/heartbeat`. */
export const Heartbeat = z.object({
  sentAt: IsoDateTime,
  dataVersion: z.number().int().nonnegative(),
  outboxPending: z.number().int().nonnegative(),
  printer: z.object({ state: PrinterState }),
  uptimeSeconds: z.number().nonnegative(),
  diskFreeBytes: z.number().nonnegative().nullable(),
  /** The last sync failure, in words for staff; null when the last sync worked. */
  lastSyncError: z.string().max(500).nullable(),
  /** Anonymous screen views since the last heartbeat, by screen id. */
  usage: z.record(z.string().max(32), z.number().int().nonnegative()),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/**
 * Central's answer to a heartbeat (200): what it holds about this kiosk now, so a change
 * made at central reaches the kiosk within a heartbeat. A central older than this answers
 * 204 with no body; an agent older than this ignores the body.
 */
export const HeartbeatAnswer = z.object({
  /** The kiosk's village as central knows it (moved by an admin); null when none was named. */
  villageCode: VillageCode.nullable(),
});
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;
