import path from 'node:path';
import { parseEnv } from '@sunshine/service-kit';
import { z } from 'zod';

const Env = z.object({
  CENTRAL_PORT: z.coerce.number().int().min(0).max(65535).default(8700),
  CENTRAL_HOST: z.string().default('127.0.0.1'),
  CENTRAL_DATA_DIR: z.string().default('.data/central'),
  /** The demo admin's password; a random one is made and printed when unset. */
  CENTRAL_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** A generated county (`npm run gen`) to publish on first start, when nothing is published yet. */
  CENTRAL_COUNTY_DIR: z.string().optional(),
  /** A one-time enrolment code made at start, for the demo and tests. */
  CENTRAL_DEMO_ENROLMENT_CODE: z.string().optional(),
  /** AES-256 key (64 hex) for complainants' contact details; made in `CENTRAL_DATA_DIR/keys` when unset. */
  CENTRAL_CONTACT_KEY: z.string().regex(/^[0-9a-f]{64}$/i).optional(),
  /** Complaints a kiosk may deliver per minute before central answers 429. */
  CENTRAL_COMPLAINTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Mark the session cookie `Secure`: set it when central is served over HTTPS. */
  CENTRAL_SECURE_COOKIES: z.stringbool().default(false),
  /** Kiosk opening hours in county time, `H-H` (an offline kiosk raises an alert only then). */
  CENTRAL_OPENING_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/)
    .default('8-18'),
  /** Largest upload (CSV; an XLSX is capped at 64 MB below it), in MB: a county department's yearly payments. */
  CENTRAL_UPLOAD_MAX_MB: z.coerce.number().positive().default(512),
  /** JSON file of holiday calendars (`HolidayCalendar`, one or an array): each year replaces the one shipped in `central/calendars/`. */
  CENTRAL_HOLIDAYS_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface CentralConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  countyDir: string | undefined;
  demoEnrolmentCode: string | undefined;
  contactKey: string | undefined;
  /**
   * Complaints one kiosk may deliver per window before central answers 429 with Retry-After.
   * The env sets points per minute; tests shorten the window to measure a drain in seconds.
   */
  complaintRate: { points: number; durationSeconds: number };
  secureCookies: boolean;
  openingHours: { from: number; to: number };
  holidaysFile: string | undefined;
  uploadMaxBytes: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CentralConfig {
  const e = parseEnv('central', Env, env);
  return {
    port: e.CENTRAL_PORT,
    host: e.CENTRAL_HOST,
    dataDir: path.resolve(e.CENTRAL_DATA_DIR),
    adminPassword: e.CENTRAL_ADMIN_PASSWORD,
    countyDir: e.CENTRAL_COUNTY_DIR ? path.resolve(e.CENTRAL_COUNTY_DIR) : undefined,
    demoEnrolmentCode: e.CENTRAL_DEMO_ENROLMENT_CODE,
    contactKey: e.CENTRAL_CONTACT_KEY,
    complaintRate: { points: e.CENTRAL_COMPLAINTS_PER_MINUTE, durationSeconds: 60 },
    secureCookies: e.CENTRAL_SECURE_COOKIES,
    holidaysFile: e.CENTRAL_HOLIDAYS_FILE ? path.resolve(e.CENTRAL_HOLIDAYS_FILE) : undefined,
    uploadMaxBytes: Math.floor(e.CENTRAL_UPLOAD_MAX_MB * 1024 * 1024),
    openingHours: { from: Number(e.CENTRAL_OPENING_HOURS.split('-')[0]), to: Number(e.CENTRAL_OPENING_HOURS.split('-')[1]) },
    logLevel: e.LOG_LEVEL,
  };
}
