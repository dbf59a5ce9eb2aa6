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
  /** Set the cache aside and download a fresh snapshot even when central's keys are the same. */
  freshData?: boolean;
}

export interface ReEnrolResult {
  previous: AgentEnrolment;
  enrolment: AgentEnrolment;
  /** Where the old cache was kept when central's keys changed and a fresh snapshot was pulled. */
  previousCacheKeptAt: string | null;
  dataVersion: number;
  /** Why the download after re-enrolment failed; the agent retries by itself when online. */
  pullError: string | null;
}

/**
 * Replaces the kiosk's credential with one from a new one-time code and keeps its
 * cache (the county's data, the complaint outbox). The agent must be stopped: it reads
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
  const request = parseEnrolRequest(options.code, options.name ?? previous.name);
  const response = await requestEnrolment(centralUrl, request);
  const enrolment: AgentEnrolment = { ...response, centralUrl, enrolledAt: new Date().toISOString() };

  // Other keys mean another central (or one rebuilt from scratch): its versions do not
  // continue ours, and payments are looked up by HMAC(idNumber, lookupKey). So the old
  // cache is set aside (never deleted: it may hold undelivered complaints) and a fresh
  // snapshot pulled. Same keys: the cache stays and the agent carries on from its version.
  const keysChanged = enrolment.lookupKey !== previous.lookupKey || enrolment.centralPublicKey !== previous.centralPublicKey;
  const previousCacheKeptAt = keysChanged || options.freshData ? setCacheAside(options.dataDir) : null;
  const settings: AgentSettings = { ...current.settings, CENTRAL_URL: centralUrl };
  writeEnrolment(options.dataDir, enrolment);
  writeAgentSettings(options.dataDir, settings);
  const { dataVersion, pullError } = await pullFirstSnapshot(options.dataDir, enrolment);
  matchDataDirOwner(options.dataDir);
  return { previous, enrolment, previousCacheKeptAt, dataVersion, pullError };
}

function setCacheAside(dataDir: string): string {
  const keptAt = path.join(dataDir, `kiosk.sqlite.before-re-enrol-${new Date().toISOString().replace(/[:.]/g, '')}`);
  for (const suffix of ['', '-wal', '-shm']) {
    const file = path.join(dataDir, `kiosk.sqlite${suffix}`);
    if (fs.existsSync(file)) fs.renameSync(file, `${keptAt}${suffix}`);
  }
  return keptAt;
}
