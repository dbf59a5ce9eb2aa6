import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncDirectorySync } from '@sunshine/service-kit';
import { ProvisionError } from './errors';

/** True when the directory is absent or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * Builds a data dir beside its final place and moves it in, so a failure (or a power cut)
 * never leaves a half-enrolled kiosk. An absent or empty dir is replaced with one rename.
 * A dir with leftovers but no enrolment.json (an agent started before enrolment) gets the
 * new files moved in, enrolment.json last: that file is the mark of an enrolled kiosk.
 */
export async function buildDataDirAtomically<T>(dataDir: string, build: (stagingDir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(dataDir);
  if (fs.existsSync(path.join(target, 'enrolment.json'))) {
    throw new ProvisionError(`数据目录已开通 ${target} already holds an enrolled kiosk. To change its credential use "kiosk-provision re-enrol"; to start over, move that directory away first.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = `${target}.enrolling-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging, { mode: 0o700 });
  try {
    const result = await build(staging);
    if (isEmptyDir(target)) {
      // An empty target (e.g. made by systemd's StateDirectory=) is replaced; rename needs it gone.
      if (fs.existsSync(target)) fs.rmdirSync(target);
      fs.renameSync(staging, target);
      // The rename is the enrolment: it reaches the disk with the parent's entries.
      syncDirectorySync(path.dirname(target));
    } else {
      moveInto(staging, target);
      syncDirectorySync(target);
    }
    return result;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function moveInto(staging: string, target: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '');
  for (const name of fs.readdirSync(target).filter((n) => /^kiosk\.sqlite(-wal|-shm)?$/.test(n))) {
    // A leftover WAL beside a new database file would corrupt it: set the old set aside.
    fs.renameSync(path.join(target, name), path.join(target, `${name}.before-enrol-${stamp}`));
  }
  const names = fs.readdirSync(staging).sort((a, b) => Number(a === 'enrolment.json') - Number(b === 'enrolment.json'));
  for (const name of names) fs.renameSync(path.join(staging, name), path.join(target, name));
}

/**
 * When run as root inside a data dir the agent's user owns, hands what was written back
 * to that user: systemd's StateDirectory= only fixes ownership when the dir itself is wrong.
 */
export function matchDataDirOwner(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = fs.statSync(dataDir);
  if (uid === 0) return;
  for (const name of fs.readdirSync(dataDir)) fs.chownSync(path.join(dataDir, name), uid, gid);
}
