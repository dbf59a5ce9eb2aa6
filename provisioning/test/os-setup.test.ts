import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { durabilityProblems, recordDurability } from '@sunshine/service-kit/testing';
import { describe, expect, it } from 'vitest';
import { applyPlan, type ApplyDeps } from '../src/systemd/apply';
import { CHROMIUM_FLAGS, type OsSetupOptions } from '../src/systemd/options';
import { formatPlan, planOsSetup } from '../src/systemd/plan';
import { runCli, tempDir } from './helpers';

const kiosk: OsSetupOptions = {
  user: 'kiosk',
  appDir: '/opt/sunshine-kiosk',
  dataDir: '/var/lib/sunshine-kiosk',
  agentPort: 8600,
  url: 'http://127.0.0.1:8600/',
  nodePath: '/usr/bin/node',
  chromiumPath: '/usr/bin/chromium',
  cagePath: '/usr/bin/cage',
  libDir: '/usr/local/lib/sunshine-kiosk',
  tty: 'tty1',
  rebootAt: '03:30',
};

const fileContent = (options: OsSetupOptions, suffix: string) => planOsSetup(options).files.find((f) => f.path.endsWith(suffix))?.content ?? '';

describe('os-setup', () => {
  it('renders every file as in its snapshot', async () => {
    for (const file of planOsSetup(kiosk).files) {
      await expect(file.content).toMatchFileSnapshot(`__snapshots__/os-setup/${path.basename(file.path)}`);
    }
  });

  it('lists the commands that enable everything at boot, in order', () => {
    expect(planOsSetup(kiosk).commands.map((c) => c.join(' '))).toMatchInlineSnapshot(`
      [
        "systemctl daemon-reload",
        "systemctl enable sunshine-kiosk-agent.service sunshine-kiosk-screen.service sunshine-kiosk-watchdog.timer sunshine-kiosk-reboot.timer",
        "systemctl disable getty@tty1.service",
        "systemctl set-default graphical.target",
        "systemctl mask sleep.target suspend.target hibernate.target hybrid-sleep.target",
        "update-grub",
        "systemctl restart systemd-logind.service",
        "systemctl restart sunshine-kiosk-agent.service",
        "systemctl restart sunshine-kiosk-screen.service",
        "systemctl start sunshine-kiosk-watchdog.timer sunshine-kiosk-reboot.timer",
      ]
    `);
  });

  it('keeps the agent restarting forever after the network, and the screen pointed at the agent', () => {
    const agent = fileContent(kiosk, 'sunshine-kiosk-agent.service');
    expect(agent).toMatch(/^Restart=always$/m);
    expect(agent).toMatch(/^After=network-online\.target/m);
    expect(agent).toMatch(/^WantedBy=multi-user\.target$/m);
    expect(agent).toMatch(/^EnvironmentFile=\/var\/lib\/sunshine-kiosk\/agent\.env$/m);
    const browser = fileContent(kiosk, 'browser.sh');
    for (const flag of CHROMIUM_FLAGS) expect(browser).toContain(flag);
    expect(browser).toContain('URL="${KIOSK_URL:-http://127.0.0.1:8600/}"');
    expect(fileContent({ ...kiosk, agentPort: 18600, url: 'http://127.0.0.1:18600/' }, 'watchdog.sh')).toContain('HEALTH="http://127.0.0.1:18600/api/health"');
  });

  it('chowns a data dir outside /var/lib instead of using StateDirectory', () => {
    const agent = fileContent({ ...kiosk, dataDir: '/srv/kiosk' }, 'sunshine-kiosk-agent.service');
    expect(agent).not.toMatch(/StateDirectory/);
    expect(agent).toMatch(/^ExecStartPre=\+\/bin\/chown -R kiosk:kiosk \/srv\/kiosk$/m);
  });

  it('writes units that systemd-analyze verify accepts (where systemd-analyze exists)', () => {
    const hasAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
    const dir = tempDir('verify');
    try {
      // verify insists every ExecStart binary exists: point the helpers at real files here.
      const libDir = path.join(dir, 'lib');
      const cage = fs.existsSync(kiosk.cagePath) ? kiosk.cagePath : '/bin/sh';
      const plan = planOsSetup({ ...kiosk, libDir, nodePath: process.execPath, cagePath: cage, dataDir: path.join(dir, 'data') });
      fs.mkdirSync(libDir);
      const units: string[] = [];
      for (const file of plan.files) {
        if (file.path.startsWith(libDir)) fs.writeFileSync(file.path, file.content, { mode: file.mode });
        if (file.path.startsWith('/etc/systemd/system/')) {
          units.push(path.join(dir, path.basename(file.path)));
          fs.writeFileSync(units.at(-1) ?? '', file.content);
        }
      }
      expect(units).toHaveLength(6);
      if (!hasAnalyze) return; // decided at run time: nothing to verify with on this machine
      const verify = spawnSync('systemd-analyze', ['verify', '--man=no', ...units], { encoding: 'utf8' });
      expect(verify.stderr + verify.stdout).toBe('');
      expect(verify.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes shell scripts that sh can parse', () => {
    for (const name of ['browser.sh', 'watchdog.sh']) {
      expect(() => execFileSync('sh', ['-n'], { input: fileContent(kiosk, name) })).not.toThrow();
    }
  });

  describe('--apply', () => {
    const deps = (over: Partial<ApplyDeps>): ApplyDeps & { ran: string[][] } => {
      const ran: string[][] = [];
      return { isRoot: true, root: '/', run: (argv) => ran.push(argv), userExists: () => true, binaryExists: () => true, log: () => undefined, ran, ...over };
    };
    const needs = { user: 'kiosk', binaries: ['/usr/bin/cage'] };

    it('refuses without root, in plain words, before it touches anything', () => {
      const d = deps({ isRoot: false });
      expect(() => applyPlan(planOsSetup(kiosk), needs, d)).toThrow(/需要管理员权限 .*run it as root/);
      expect(d.ran).toEqual([]);
    });

    it('refuses when the kiosk user does not exist, or cage/chromium are missing', () => {
      expect(() => applyPlan(planOsSetup(kiosk), needs, deps({ userExists: () => false }))).toThrow(/adduser --disabled-password/);
      expect(() => applyPlan(planOsSetup(kiosk), needs, deps({ binaryExists: () => false }))).toThrow(/apt-get install -y cage chromium/);
    });

    it('writes every file with its mode under another root and runs no command there', () => {
      const root = tempDir('root');
      try {
        const d = deps({ isRoot: false, root });
        applyPlan(planOsSetup(kiosk), needs, d);
        expect(d.ran).toEqual([]);
        expect(fs.statSync(path.join(root, 'usr/local/lib/sunshine-kiosk/watchdog.sh')).mode & 0o777).toBe(0o755);
        expect(fs.statSync(path.join(root, 'etc/systemd/system/sunshine-kiosk-agent.service')).mode & 0o777).toBe(0o644);
        expect(fs.readdirSync(path.join(root, 'etc/systemd/system')).sort()).toHaveLength(6);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('leaves every unit and script whole through a power cut: synced, renamed into place, its folder synced', () => {
      const root = tempDir('root');
      const log = recordDurability();
      try {
        const plan = planOsSetup(kiosk);
        applyPlan(plan, needs, deps({ isRoot: false, root }));
        const problems = plan.files.flatMap((f) => durabilityProblems(log.events, path.join(root, f.path)));
        expect(problems).toEqual([]);
        expect(fs.readdirSync(path.join(root, 'etc/systemd/system')).filter((n) => n.includes('.tmp'))).toEqual([]);
      } finally {
        log.stop();
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  });

  it('prints a dry run from the command line and changes nothing', async () => {
    const result = await runCli(['os-setup', '--user', 'kiosk', '--data-dir', '/var/lib/sunshine-kiosk', '--app-dir', '/opt/sunshine-kiosk', '--node', '/usr/bin/node']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(formatPlan(planOsSetup(kiosk)) + '\n');
  });

  it('answers --help for every command', async () => {
    for (const command of ['enrol', 'check', 'os-setup', 're-enrol', 'revoke']) {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: kiosk-provision ${command}`));
    }
  });
});
