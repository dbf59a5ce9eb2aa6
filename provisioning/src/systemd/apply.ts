import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurablySync } from '@sunshine/service-kit';
import { ProvisionError } from '../errors';
import type { OsSetupPlan } from './plan';

export interface ApplyDeps {
  isRoot: boolean;
  /** Files are written under this root ('/' on a kiosk; a temp dir when building an image or testing). */
  root: string;
  /** Runs one command; skipped (only listed) when writing into another root. */
  run: (argv: string[]) => void;
  userExists: (user: string) => boolean;
  binaryExists: (file: string) => boolean;
  log: (line: string) => void;
}

export const systemDeps = (root = '/'): ApplyDeps => ({
  isRoot: process.getuid?.() === 0,
  root,
  run: (argv) => {
    const [cmd, ...args] = argv;
    if (cmd) execFileSync(cmd, args, { stdio: 'inherit' });
  },
  userExists: (user) => {
    try {
      execFileSync('id', ['-u', user], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  },
  binaryExists: (file) => fs.existsSync(file),
  log: (line) => console.log(line),
});

/** Installs the plan: refuses without root, a missing user or missing packages, in plain words. */
export function applyPlan(plan: OsSetupPlan, needs: { user: string; binaries: string[] }, deps: ApplyDeps): void {
  const live = path.resolve(deps.root) === '/';
  if (live && !deps.isRoot) {
    throw new ProvisionError('需要管理员权限 --apply changes system files and services: run it as root, e.g. sudo npx kiosk-provision os-setup --user kiosk --apply');
  }
  if (live && !deps.userExists(needs.user)) {
    throw new ProvisionError(`用户不存在 there is no user "${needs.user}"; create it first: sudo adduser --disabled-password --gecos '' ${needs.user}`);
  }
  const missing = live ? needs.binaries.filter((b) => !deps.binaryExists(b)) : [];
  if (missing.length > 0) {
    throw new ProvisionError(`缺少软件 missing ${missing.join(', ')}; install: sudo apt-get install -y cage chromium fonts-noto-cjk espeak-ng curl`);
  }
  for (const file of plan.files) {
    const target = path.join(deps.root, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // A kiosk is switched off at the wall: a unit or script is the old one or the whole new one.
    writeFileDurablySync(target, file.content, { mode: file.mode });
    deps.log(`wrote ${target}`);
  }
  for (const argv of plan.commands) {
    if (!live) {
      deps.log(`(not run outside /) ${argv.join(' ')}`);
      continue;
    }
    if (argv[0] === 'update-grub' && !deps.binaryExists('/usr/sbin/update-grub')) {
      deps.log('skipped update-grub (no GRUB here): add consoleblank=0 to the kernel command line yourself');
      continue;
    }
    deps.log(`running ${argv.join(' ')}`);
    deps.run(argv);
  }
}
