import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OsSetupOptions } from '../src/systemd/options';
import { renderWatchdogScript } from '../src/systemd/scripts';
import { freePort, tempDir } from './helpers';

// The real watchdog script, run by sh against a real (or absent) health endpoint on
// loopback; only systemctl and logger are stand-ins that record what they were asked.
describe('the watchdog script', () => {
  const dir = tempDir('watchdog');
  const bin = path.join(dir, 'bin');
  const calls = path.join(dir, 'calls.txt');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'systemctl'), `#!/bin/sh\necho "systemctl $*" >> "${calls}"\n[ "$1" = is-active ] && exit "\${SCREEN_INACTIVE:-0}"\nexit 0\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'logger'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const setup = async () => {
    const port = await freePort();
    const script = path.join(dir, `watchdog-${port}.sh`);
    fs.writeFileSync(script, renderWatchdogScript({ agentPort: port } as OsSetupOptions), { mode: 0o755 });
    const state = path.join(dir, `state-${port}`);
    // Asynchronous: the health server answers from this same process while the script runs.
    const run = async (env: Record<string, string> = {}) => {
      fs.rmSync(calls, { force: true });
      await promisify(execFile)('sh', [script], { env: { PATH: `${bin}:${process.env.PATH ?? ''}`, WATCHDOG_STATE_DIR: state, ...env } });
      return fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : [];
    };
    return { port, run };
  };

  it('restarts the agent after three failed checks in a row, then the screen once the agent answers', async () => {
    const { port, run } = await setup();
    expect(await run()).toEqual([]);
    expect(await run()).toEqual([]);
    expect(await run()).toEqual(['systemctl restart sunshine-kiosk-agent.service']);

    const agent = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => agent.listen(port, '127.0.0.1', resolve));
    try {
      expect(await run()).toEqual(['systemctl restart sunshine-kiosk-screen.service']);
      expect(await run()).toEqual(['systemctl is-active --quiet sunshine-kiosk-screen.service']);
    } finally {
      agent.close();
    }
  });

  it('restarts the screen when the agent answers again after a single failure', async () => {
    const { port, run } = await setup();
    expect(await run()).toEqual([]);
    const agent = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => agent.listen(port, '127.0.0.1', resolve));
    try {
      expect(await run()).toEqual(['systemctl restart sunshine-kiosk-screen.service']);
    } finally {
      agent.close();
    }
  });

  it('starts the screen when the agent answers but the screen is not running', async () => {
    const { port, run } = await setup();
    const agent = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => agent.listen(port, '127.0.0.1', resolve));
    try {
      expect(await run({ SCREEN_INACTIVE: '3' })).toEqual(['systemctl is-active --quiet sunshine-kiosk-screen.service', 'systemctl restart sunshine-kiosk-screen.service']);
    } finally {
      agent.close();
    }
  });
});
