import { z } from 'zod';
import { VillageCode } from './common';

/** The 4-digit kiosk number; 0000 is reserved for tickets that central creates. */
export const KioskNumber = z.string().regex(/^\d{4}$/).refine((n) => n !== '0000', 'kiosk number 0000 is reserved');

/** A one-time enrolment code as staff read it out: 4 groups of 4 letters/digits. */
export const EnrolmentCode = z
  .string()
  .transform((s) => s.trim().toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{16}$/, 'enrolment code must be 16 letters or digits'));

/** `POST /api/kiosks/enrol` at central. */
export const EnrolRequest = z.object({
  code: EnrolmentCode,
  name: z.string().trim().min(1).max(64).optional(),
  /**
   * The number this kiosk already has (re-enrolment keeping its cache). Central then
   * accepts only a re-enrolment code for that number, and refuses it without using it
   * otherwise; without it, central accepts only a code for a new kiosk.
   */
  kioskNumber: KioskNumber.optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

/**
 * `details` of a 409 `kiosk_number_mismatch`: whose code it is, so the installer's tool can
 * say what to do: that kiosk's number for a re-enrolment code, null for a new kiosk's code.
 */
export const KioskNumberMismatch = z.object({ codeFor: KioskNumber.nullable() });
export type KioskNumberMismatch = z.infer<typeof KioskNumberMismatch>;

export const EnrolResponse = z.object({
  kioskNumber: KioskNumber,
  name: z.string(),
  /** Long random bearer token; central keeps only its hash. */
  token: z.string().min(32),
  /** Central's Ed25519 public key (SPKI PEM) that signs sync manifests. */
  centralPublicKey: z.string().includes('BEGIN PUBLIC KEY'),
  /** The county key for hashing ID numbers (HMAC-SHA256), hex. */
  lookupKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** The kiosk's village (12 digits) as central knows it; absent or null when none was named. */
  villageCode: VillageCode.nullish(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/**
 * What a kiosk keeps of its enrolment, in `AGENT_DATA_DIR/enrolment.json` (mode 0600):
 * written by provisioning, read by the agent.
 */
export const AgentEnrolment = EnrolResponse.extend({
  centralUrl: z.url(),
  enrolledAt: z.iso.datetime({ offset: true }),
});
export type AgentEnrolment = z.infer<typeof AgentEnrolment>;
