import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileDurablySync } from '@sunshine/service-kit';
import { durabilityProblems, recordDurability, type DurabilityLog } from '@sunshine/service-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataDirAtomically } from './data-dir';

describe('building a data dir', () => {
  let log: DurabilityLog | undefined;
  const dirs: string[] = [];
  afterEach(() => {
    log?.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const parent = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-data-dir-'));
    dirs.push(dir);
    return dir;
  };
  const enrol = async (staging: string) => writeFileDurablySync(path.join(staging, 'enrolment.json'), '{}', { mode: 0o600 });

  it('moves a new kiosk in with one rename that survives a power cut: its parent folder is synced after', async () => {
    const target = path.join(parent(), 'agent');
    log = recordDurability();
    await buildDataDirAtomically(target, enrol);
    expect(durabilityProblems(log.events, target)).toEqual([]);
    expect(fs.readdirSync(target)).toEqual(['enrolment.json']);
  });

  it('syncs a dir with leftovers after enrolment.json, the last file, is moved in', async () => {
    const target = path.join(parent(), 'agent');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'agent.log'), 'started before enrolment\n');
    log = recordDurability();
    await buildDataDirAtomically(target, enrol);
    const events = log.events.map((e) => (e.kind === 'fsync' ? `fsync ${e.path}` : `rename → ${e.to}`));
    const movedIn = events.indexOf(`rename → ${path.join(target, 'enrolment.json')}`);
    expect(movedIn).toBeGreaterThan(-1);
    expect(events.slice(movedIn + 1)).toContain(`fsync ${fs.realpathSync(target)}`);
  });
});
