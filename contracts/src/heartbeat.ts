import { z } from 'zod';
import { IsoDateTime } from './common';
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
