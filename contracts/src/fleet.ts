import { z } from 'zod';
import { CountyWarning } from './calendar';
import { IsoDateTime, VillageCode } from './common';
import { PrinterState } from './health';

/** Why staff should look at a kiosk. */
export const FleetAlertKind = z.enum(['offline_in_opening_hours', 'paper_low', 'paper_out', 'printer_offline', 'disk_nearly_full', 'repeated_sync_failures']);
export type FleetAlertKind = z.infer<typeof FleetAlertKind>;

export const FleetAlert = z.object({ kind: FleetAlertKind, message: z.string() });
export type FleetAlert = z.infer<typeof FleetAlert>;

/** One kiosk as the fleet screen shows it: `GET /api/fleet/kiosks`. */
export const FleetKiosk = z.object({
  kioskNumber: z.string(),
  name: z.string(),
  /** Where the kiosk stands; names are null when the village is not (or no longer) in the published data. */
  villageCode: VillageCode.nullable(),
  villageName: z.string().nullable(),
  townName: z.string().nullable(),
  enrolledAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
  lastSeenAt: IsoDateTime.nullable(),
  /** Heard from within the offline threshold (a heartbeat or a live socket); corrects itself when heartbeats resume. */
  online: z.boolean(),
  dataVersion: z.number().int().nonnegative().nullable(),
  /** Content versions the kiosk is behind central. */
  versionLag: z.number().int().nonnegative().nullable(),
  printerState: PrinterState.nullable(),
  outboxPending: z.number().int().nonnegative().nullable(),
  diskFreeBytes: z.number().nonnegative().nullable(),
  lastSyncError: z.string().nullable(),
  alerts: z.array(FleetAlert),
});
export type FleetKiosk = z.infer<typeof FleetKiosk>;

/** `GET /api/fleet/kiosks`: every kiosk, and what in the county's setup staff should fix (a missing holiday calendar). */
export const FleetList = z.object({ kiosks: z.array(FleetKiosk), warnings: z.array(CountyWarning) });
export type FleetList = z.infer<typeof FleetList>;

/** `GET /api/fleet/kiosks`: JSON unless `format=csv`. */
export const FleetListQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
/** `GET /api/fleet/kiosks?format=csv`: the same list as a spreadsheet. */
export const FleetCsvQuery = z.object({ format: z.literal('csv') });

/** `?hours=`: how far back the history goes, 1 hour to 31 days. */
export const FleetHistoryQuery = z.object({ hours: z.coerce.number().int().min(1).max(24 * 31).default(24) });

/** `GET /api/fleet/kiosks/:kioskNumber/history?hours=`: online and offline spans, oldest first. */
export const FleetSpan = z.object({ state: z.enum(['online', 'offline']), from: IsoDateTime, to: IsoDateTime });
export type FleetSpan = z.infer<typeof FleetSpan>;

const TtlHours = z.number().int().min(1).max(72).default(24);

/** Admin `POST /api/fleet/enrolment-codes`: a code that enrols a new kiosk, optionally in a village. */
export const CreateEnrolmentCodeRequest = z.object({
  kioskName: z.string().trim().min(1).max(64).optional(),
  /** The kiosk's village (12 digits); it must be a live village in the published data. */
  villageCode: VillageCode.optional(),
  ttlHours: TtlHours,
});
export type CreateEnrolmentCodeRequest = z.input<typeof CreateEnrolmentCodeRequest>;

/** Admin `POST /api/fleet/kiosks/:kioskNumber/enrolment-code`: a code that re-enrols that kiosk under its own number. */
export const CreateReEnrolmentCodeRequest = z.object({ ttlHours: TtlHours });
export type CreateReEnrolmentCodeRequest = z.input<typeof CreateReEnrolmentCodeRequest>;

/** Admin `PUT /api/fleet/kiosks/:kioskNumber/village`: the kiosk now stands in another village. */
export const MoveKioskRequest = z.object({ villageCode: VillageCode });
export type MoveKioskRequest = z.infer<typeof MoveKioskRequest>;

/** The code is shown once, grouped for reading aloud (`ABCD-EFGH-JKLM-NPQR`); central keeps only its hash. */
export const CreatedEnrolmentCode = z.object({ code: z.string(), expiresAt: IsoDateTime });
export type CreatedEnrolmentCode = z.infer<typeof CreatedEnrolmentCode>;
