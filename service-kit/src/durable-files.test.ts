import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { durabilityProblems, recordDurability, type DurabilityLog } from './testing/durability';
import { renameDurably, writeFileDurably, writeFileDurablySync } from './durable-files';

describe('durable files', () => {
  let log: DurabilityLog | undefined;
  const dirs: string[] = [];
  afterEach(() => {
    log?.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-durable-'));
    dirs.push(dir);
    return dir;
  };

  it('replaces a file whole: the new bytes are synced before the rename and the directory after', async () => {
    const file = path.join(tempDir(), 'enrolment.json');
    fs.writeFileSync(file, 'old');
    log = recordDurability();
    await writeFileDurably(file, 'new');
    expect(durabilityProblems(log.events, file)).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['enrolment.json']);
  });

  it('does the same synchronously, with the mode it is given whatever the umask', () => {
    const file = path.join(tempDir(), 'agent.env');
    log = recordDurability();
    const umask = process.umask(0o077);
    try {
      writeFileDurablySync(file, 'AGENT_PORT=8600\n', { mode: 0o640 });
    } finally {
      process.umask(umask);
    }
    expect(durabilityProblems(log.events, file)).toEqual([]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('moves a streamed file into place only after its bytes are synced, then syncs the directory', async () => {
    const dir = tempDir();
    const part = path.join(dir, 'body.part');
    await new Promise<void>((resolve) => fs.createWriteStream(part).end('streamed', () => resolve()));
    log = recordDurability();
    await renameDurably(part, path.join(dir, 'body'));
    expect(durabilityProblems(log.events, path.join(dir, 'body'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'body'), 'utf8')).toBe('streamed');
  });

  it('names what a plain rename leaves out', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.tmp'), 'x');
    log = recordDurability();
    fs.renameSync(path.join(dir, 'a.tmp'), path.join(dir, 'a'));
    expect(durabilityProblems(log.events, path.join(dir, 'a'))).toEqual([
      `${path.join(dir, 'a.tmp')} was not synced before it was renamed`,
      `${fs.realpathSync(dir)} was not synced after the rename`,
    ]);
    expect(durabilityProblems(log.events, path.join(dir, 'b'))).toEqual([`${path.join(dir, 'b')} was never renamed into place`]);
  });
});
