import fs from 'node:fs';
import path from 'node:path';
import type { AgentEnrolment } from '@sunshine/contracts';
import { readEnrolment, writeEnrolment } from '@sunshine/kiosk-agent';
import { readAgentSettings, writeAgentSettings, type AgentSettings } from './agent-config';
import { requestEnrolment } from './central-client';
import { matchDataDirOwner } from './data-dir';
import { parseEnrolRequest, pullFirstSnapshot } from './enrol';
import { EnrolFailed, parseBaseUrl } from './errors';

export interface ReEnrolOptions {
  dataDir: string;
  code: string;
  /** A new central address; defaults to the one in agent.env. */
  centralUrl?: string;
  name?: string;
  /**
   * Set the cache aside and download a fresh snapshot: the kiosk starts over as a new kiosk,
   * so only a code for a new kiosk is accepted. Needed when central's keys changed.
   */
  freshData?: boolean;
}

export interface ReEnrolResult {
  previous: AgentEnrolment;
  enrolment: AgentEnrolment;
  /** Where the old cache was kept when a fresh snapshot was pulled (`freshData`). */
  previousCacheKeptAt: string | null;
  dataVersion: number;
  /** Why the download after re-enrolment failed; the agent retries by itself when online. */
  pullError: string | null;
}

/**
 * Replaces the kiosk's credential with one from a re-enrolment code for its own number and
 * keeps its cache (the county's data, the ticket sequence, the complaint outbox), so the
 * complaints queued under that number are still delivered. With `freshData` the cache is
 * set aside and the kiosk starts over as a new kiosk. The agent must be stopped: it reads
 * its enrolment once, at start.
 */
export async function reEnrol(options: ReEnrolOptions): Promise<ReEnrolResult> {
  const previous = readEnrolment(options.dataDir);
  const current = readAgentSettings(options.dataDir);
  if (!previous || !current.ok) {
    throw new EnrolFailed(`这台机器还没有开通 ${path.resolve(options.dataDir)} holds no enrolment; use "kiosk-provision enrol" instead.`);
  }
  const centralUrl = options.centralUrl ?? current.settings.CENTRAL_URL;
  parseBaseUrl(centralUrl, '--central');
  // Central refuses, without using it, a code that would give this cache another number.
  const request = parseEnrolRequest(options.code, options.name ?? previous.name, options.freshData ? undefined : previous.kioskNumber);
  const response = await requestEnrolment(centralUrl, request);
  const enrolment: AgentEnrolment = { ...response, centralUrl, enrolledAt: new Date().toISOString() };
  if (!options.freshData) assertCacheCarriesOn(previous, enrolment);
  // The old cache is set aside, never deleted: it may hold undelivered complaints.
  const previousCacheKeptAt = options.freshData ? setCacheAside(options.dataDir) : null;
  const settings: AgentSettings = { ...current.settings, CENTRAL_URL: centralUrl };
  writeEnrolment(options.dataDir, enrolment);
  writeAgentSettings(options.dataDir, settings);
  const { dataVersion, pullError } = await pullFirstSnapshot(options.dataDir, enrolment);
  matchDataDirOwner(options.dataDir);
  return { previous, enrolment, previousCacheKeptAt, dataVersion, pullError };
}

/**
 * A kept cache carries on: its ticket sequence and outbox belong to the kiosk's number, its
 * data to central's keys (signatures, and payments found by HMAC(idNumber, lookupKey)).
 * Under another number its outbox would be refused; under other keys the data must be
 * downloaded afresh, and a fresh cache restarts the sequence, which under a number that
 * already has tickets would make new complaints look like replays of old ones.
 */
function assertCacheCarriesOn(previous: AgentEnrolment, enrolment: AgentEnrolment): void {
  if (enrolment.kioskNumber !== previous.kioskNumber) {
    throw new EnrolFailed(
      `中心服务器没有保留机器编号 central gave this kiosk a new number (${enrolment.kioskNumber}) instead of keeping ${previous.kioskNumber}: it is too old to re-enrol a kiosk under its own number. Nothing was changed on this kiosk; update central, then ask for a re-enrolment code.`,
    );
  }
  if (enrolment.lookupKey !== previous.lookupKey || enrolment.centralPublicKey !== previous.centralPublicKey) {
    throw new EnrolFailed(
      `中心服务器的密钥变了 central's keys are not the ones this kiosk's data came with (a rebuilt central, or new keys), so its cache cannot carry on as kiosk ${previous.kioskNumber}. Nothing was changed on this kiosk, but the code is used: ask the county for a code for a new kiosk and run "kiosk-provision re-enrol --fresh-data".`,
    );
  }
}

function setCacheAside(dataDir: string): string {
  const keptAt = path.join(dataDir, `kiosk.sqlite.before-re-enrol-${new Date().toISOString().replace(/[:.]/g, '')}`);
  for (const suffix of ['', '-wal', '-shm']) {
    const file = path.join(dataDir, `kiosk.sqlite${suffix}`);
    if (fs.existsSync(file)) fs.renameSync(file, `${keptAt}${suffix}`);
  }
  return keptAt;
}
