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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface CentralConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  countyDir: string | undefined;
  demoEnrolmentCode: string | undefined;
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
    logLevel: e.LOG_LEVEL,
  };
}
