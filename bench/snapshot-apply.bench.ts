import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { agentFixture, scale, startFixtureCentral } from './agent-fixture';
import { result, round, type Benchmark } from './harness';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const child = fileURLToPath(new URL('snapshot-apply.child.ts', import.meta.url));

/** Runs one side in a fresh process after flushing the disk, so neither pays for the other's writes. */
async function runSide(...args: string[]): Promise<{ ms: number; rows?: number }> {
  execFileSync('sync');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repoRoot, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
}

/**
 * A new kiosk's first snapshot of the whole county, as `kiosk-provision enrol` takes it:
 * enrol, download, verify, check every record and apply it in one transaction — against a
 * bare better-sqlite3 bulk insert of the same rows (one table, id + JSON, one transaction).
 */
export const snapshotApply: Benchmark = {
  name: 'snapshot-apply',
  async run() {
    const fixture = await agentFixture();
    const dir = fs.mkdtempSync(path.join(fixture.dir, 'snapshot-'));
    try {
      const code = 'BENCHSNAPSHOT001';
      const central = await startFixtureCentral(fixture, code);
      const imported = await runSide('enrol', central.url, code, path.join(dir, 'agent')).finally(() => central.close());
      const cache = path.join(fixture.centralDataDir, 'sync-cache');
      const snapshot = fs.readdirSync(cache).find((f) => f.startsWith('0-') && f.endsWith('.ndjson.gz')) ?? '';
      const bare = await runSide('bare', path.join(cache, snapshot), dir);
      const seconds = imported.ms / 1000;
      return [
        result({
          name: `snapshot import, ${scale} scale (${bare.rows ?? 0} rows), fresh process, vs bare bulk insert`,
          value: round(seconds, 2),
          unit: 's',
          baseline: round(bare.ms / 1000, 2),
          target: '< 60 s and ratio ≤ 2',
          pass: seconds < 60 && imported.ms / bare.ms <= 2,
        }),
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
