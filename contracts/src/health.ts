import { z } from 'zod';
import { IsoDateTime, VillageCode } from './common';

export const PrinterState = z.enum(['ready', 'paper_low', 'paper_out', 'cover_open', 'offline', 'unknown']);
export type PrinterState = z.infer<typeof PrinterState>;

/** Agent `GET /api/health` (docs/design.md §13, fixed). */
export const AgentHealth = z.object({
  kioskNumber: z.string().regex(/^\d{4}$/).nullable(),
  kioskName: z.string().nullable(),
  /**
   * This kiosk's own village, the one its content screens show as 本村 (the top bar names
   * it); null before the kiosk has synced any village.
   */
  village: z.object({ code: VillageCode, name: z.string() }).nullable(),
  dataVersion: z.number().int().nonnegative(),
  /** When central published the data this kiosk holds; null before the first sync. */
  dataUpdatedAt: IsoDateTime.nullable(),
  online: z.boolean(),
  printer: z.object({ state: PrinterState }),
  outboxPending: z.number().int().nonnegative(),
});
export type AgentHealth = z.infer<typeof AgentHealth>;

/** Central `GET /api/health`. */
export const CentralHealth = z.object({
  status: z.literal('ok'),
  dataVersion: z.number().int().nonnegative(),
  dataUpdatedAt: IsoDateTime.nullable(),
  kiosksOnline: z.number().int().nonnegative(),
});
export type CentralHealth = z.infer<typeof CentralHealth>;
