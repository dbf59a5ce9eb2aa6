import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, listen, type Logger } from '@sunshine/service-kit';
import { generateCounty } from '@sunshine/synthetic-county';
import { ApiCallError, auditApi, fleetApi, staffApi, type ApiClient, type AuditLogEntry, type CountyManifest, type CreateStaffRequest, type StaffSession } from '@sunshine/contracts';
import { buildCentral } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase, type Db } from '../src/platform/database';
import { createKioskRepository } from '../src/fleet/kiosks.repository';
import { createEnrolmentCode, newEnrolmentCode } from '../src/fleet/enrolment.service';
import { apiClient, client, loginAs } from './factories';

export { loginAs };

export const TEST_ADMIN_PASSWORD = 'test-admin-password';
export const TEST_REVIEWER_PASSWORD = 'test-reviewer-password';

export interface TestCentral {
  url: string;
  dir: string;
  county: CountyManifest;
  enrolmentCode: string;
  /** A second handle on central's store, for checking what changed (or did not). */
  db: Db;
  /** Enrols a new kiosk through the real HTTP endpoint; answers its number and token. */
  enrol(name?: string): Promise<{ kioskNumber: string; token: string }>;
  close(): Promise<void>;
}

/**
 * A real central on a free loopback port, with a tiny county published, in a temp dir.
 * `now` sets central's clock (deadlines, sessions, warnings); `logger` receives its log.
 */
export async function startTestCentral(options: { enrolmentCode?: string; env?: Record<string, string>; now?: () => Date; logger?: Logger } = {}): Promise<TestCentral> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-central-'));
  const countyDir = path.join(dir, 'county');
  const county = await generateCounty({ scale: 'tiny', seed: 1, outDir: countyDir });
  const enrolmentCode = options.enrolmentCode ?? 'TESTCODE0000TEST';
  const config = loadConfig({
    CENTRAL_PORT: '0',
    CENTRAL_DATA_DIR: path.join(dir, 'central'),
    CENTRAL_COUNTY_DIR: countyDir,
    CENTRAL_DEMO_ENROLMENT_CODE: enrolmentCode,
    CENTRAL_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ...options.env,
  });
  const central = await buildCentral(config, options.logger ?? createLogger('central', 'silent'), options.now);
  const port = await listen(central.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const db = await openDatabase(config.dataDir);
  const kiosks = createKioskRepository(db);
  return {
    url,
    dir,
    county,
    enrolmentCode,
    db,
    async enrol(name = 'test kiosk') {
      const code = newEnrolmentCode();
      await createEnrolmentCode({ kiosks, now: () => new Date() }, code, { ttlHours: 1 });
      const { kioskNumber, token } = await apiClient(url).call(fleetApi.enrol, { body: { code, name } });
      return { kioskNumber, token };
    },
    async close() {
      await db.destroy();
      await central.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seeded admin's session cookie at a test central. */
export const adminCookie = (baseUrl: string) => loginAs(baseUrl, 'admin', TEST_ADMIN_PASSWORD);

/** A client logged in as the seeded admin. */
export const adminClient = async (baseUrl: string) => client(baseUrl, { cookie: await adminCookie(baseUrl) });

/** The typed client logged in as the seeded admin. */
export const adminApiClient = async (baseUrl: string) => apiClient(baseUrl, { cookie: await adminCookie(baseUrl) });

/**
 * A client logged in as a reviewer (`reviewer`, made by the admin on first use): the second
 * person who approves what the admin staged, since no one approves their own change.
 */
export async function reviewerClient(baseUrl: string): Promise<ReturnType<typeof client>> {
  return client(baseUrl, { cookie: await reviewerCookie(baseUrl) });
}

/** The typed client of the reviewer (see `reviewerClient`). */
export const reviewerApiClient = async (baseUrl: string) => apiClient(baseUrl, { cookie: await reviewerCookie(baseUrl) });

async function reviewerCookie(baseUrl: string): Promise<string> {
  const account = { username: 'reviewer', displayName: '审核员', role: 'reviewer', password: TEST_REVIEWER_PASSWORD } as const;
  await createStaffAccount(baseUrl, account).catch((err: unknown) => {
    if (!(err instanceof ApiCallError && err.code === 'username_taken')) throw err;
  });
  return loginAs(baseUrl, account.username, account.password);
}

const urlOfCentral = (central: string | { url: string }) => (typeof central === 'string' ? central : central.url);

/** The typed client with the session of `username` at a test central (its URL, or the central). */
export async function staffClient(central: string | { url: string }, username: string, password: string): Promise<ApiClient> {
  const baseUrl = urlOfCentral(central);
  return apiClient(baseUrl, { cookie: await loginAs(baseUrl, username, password) });
}

/** The audit log as the seeded admin reads it, newest first; logging in adds an `auth.login` entry first. */
export async function readAuditLog(central: string | { url: string }, limit = 500): Promise<AuditLogEntry[]> {
  return (await (await adminApiClient(urlOfCentral(central))).call(auditApi.list, { query: { limit } })).items;
}

/** Makes a staff account as the seeded admin; throws the refusal (`username_taken`…) when central does not. */
export async function createStaffAccount(central: string | { url: string }, account: CreateStaffRequest): Promise<StaffSession> {
  return (await adminApiClient(urlOfCentral(central))).call(staffApi.createAccount, { body: account });
}
