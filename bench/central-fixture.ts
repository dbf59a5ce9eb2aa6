import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStaffAccount, loginAs, TEST_ADMIN_PASSWORD, TEST_REVIEWER_PASSWORD } from '@sunshine/central/testing';
import { createApiClient, ImportUploadQuery, importsApi, type CountyManifest, type PublishResult } from '@sunshine/contracts';
import { generateCounty } from '@sunshine/synthetic-county';
import { scale } from './agent-fixture';
import { round, timeMs } from './harness';

export interface BenchCounty {
  dir: string;
  county: CountyManifest;
  /** A scratch directory of the run, removed at exit. */
  workDir: string;
}

let shared: Promise<BenchCounty> | undefined;

/** The `BENCH_SCALE` county (default `county`), generated once for the central benchmarks of a run. */
export function benchCounty(): Promise<BenchCounty> {
  shared ??= (async () => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-bench-central-'));
    process.once('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));
    const dir = path.join(workDir, 'county');
    let county: CountyManifest | undefined;
    const ms = await timeMs(async () => {
      county = await generateCounty({ scale, seed: 1, outDir: dir });
    });
    if (!county) throw new Error('the county was not generated');
    console.log(`  central fixture: ${scale}-scale county generated in ${round(ms / 1000)} s`);
    return { dir, county, workDir };
  })();
  return shared;
}

/** The sessions of the two people who publish: the admin uploads, a reviewer approves (no one approves their own upload). */
export interface PublishingStaff {
  uploader: string;
  reviewer: string;
}

/** Logs the test central's admin in, and a reviewer the admin makes: the cookies of both. */
export async function loginPublishingStaff(url: string): Promise<PublishingStaff> {
  const account = { username: 'reviewer', displayName: '审核员', role: 'reviewer', password: TEST_REVIEWER_PASSWORD } as const;
  await createStaffAccount(url, account);
  return { uploader: await loginAs(url, 'admin', TEST_ADMIN_PASSWORD), reviewer: await loginAs(url, account.username, account.password) };
}

// A county department's yearly file takes minutes to stage and publish, past the client's default timeout.
const IMPORT_TIMEOUT_MS = 30 * 60_000;

/** Uploads a CSV file as staff would (streamed from disk), checks it staged without problems, and has the reviewer approve it. */
export async function uploadAndApprove(url: string, staff: PublishingStaff, query: Record<string, string>, file: string): Promise<PublishResult> {
  const as = (cookie: string) => createApiClient({ baseUrl: url, headers: () => ({ cookie }), timeoutMs: IMPORT_TIMEOUT_MS });
  const named = (step: string) => (err: unknown): never => {
    throw new Error(`${step} of ${path.basename(file)} failed: ${err instanceof Error ? err.message : String(err)}`);
  };
  const rawBody = { data: await fs.openAsBlob(file), contentType: 'text/csv' };
  const report = await as(staff.uploader).call(importsApi.upload, { query: ImportUploadQuery.parse(query) }, { rawBody }).catch(named('upload'));
  if (report.problems.length > 0) throw new Error(`upload of ${path.basename(file)} has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
  return as(staff.reviewer).call(importsApi.approve, { params: { id: report.importId }, body: {} }).catch(named('approval'));
}
