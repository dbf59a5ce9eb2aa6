import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, listen } from '@sunshine/service-kit';
import { generateCounty } from '@sunshine/synthetic-county';
import type { CountyManifest } from '@sunshine/contracts';
import { buildCentral } from '../src/app';
import { loadConfig } from '../src/config';

export interface TestCentral {
  url: string;
  dir: string;
  county: CountyManifest;
  enrolmentCode: string;
  close(): Promise<void>;
}

/** A real central on a free loopback port, with a tiny county published, in a temp dir. */
export async function startTestCentral(options: { enrolmentCode?: string } = {}): Promise<TestCentral> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-central-'));
  const countyDir = path.join(dir, 'county');
  const county = await generateCounty({ scale: 'tiny', seed: 1, outDir: countyDir });
  const enrolmentCode = options.enrolmentCode ?? 'TESTCODE0000TEST';
  const config = loadConfig({
    CENTRAL_PORT: '0',
    CENTRAL_DATA_DIR: path.join(dir, 'central'),
    CENTRAL_COUNTY_DIR: countyDir,
    CENTRAL_DEMO_ENROLMENT_CODE: enrolmentCode,
  });
  const central = await buildCentral(config, createLogger('central', 'silent'));
  const port = await listen(central.server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    county,
    enrolmentCode,
    async close() {
      await central.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
