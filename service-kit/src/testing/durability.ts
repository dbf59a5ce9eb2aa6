import fs from 'node:fs';
import path from 'node:path';

// Watches what a write does on its way to the disk, through the real calls: which paths get
// fsync'd (named by the descriptor, via /proc/self/fd) and which files get renamed, in order.
// The fs functions are wrapped, not replaced: every byte is still written and synced.

export type DurabilityEvent = { kind: 'fsync'; path: string } | { kind: 'rename'; from: string; to: string };

export interface DurabilityLog {
  readonly events: DurabilityEvent[];
  /** Puts the fs functions back. */
  stop(): void;
}

const pathOfFd = (fd: number): string => {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return `fd ${fd}`;
  }
};

/** Starts recording every fsync and rename this process makes until `stop()`. */
export function recordDurability(): DurabilityLog {
  const events: DurabilityEvent[] = [];
  const { fsync, fsyncSync, rename, renameSync } = fs;
  fs.fsyncSync = (fd) => {
    events.push({ kind: 'fsync', path: pathOfFd(fd) });
    fsyncSync(fd);
  };
  fs.fsync = ((fd: number, callback: fs.NoParamCallback) => {
    events.push({ kind: 'fsync', path: pathOfFd(fd) });
    fsync(fd, callback);
  }) as typeof fs.fsync;
  fs.renameSync = (from, to) => {
    events.push({ kind: 'rename', from: String(from), to: String(to) });
    renameSync(from, to);
  };
  fs.rename = ((from: fs.PathLike, to: fs.PathLike, callback: fs.NoParamCallback) => {
    events.push({ kind: 'rename', from: String(from), to: String(to) });
    rename(from, to, callback);
  }) as typeof fs.rename;
  return {
    events,
    stop() {
      Object.assign(fs, { fsync, fsyncSync, rename, renameSync });
    },
  };
}

/**
 * What is missing for `file` to have been put in place durably: its bytes synced under the
 * name they were written to, then renamed onto `file`, then `file`'s directory synced.
 * Empty when all three happened in that order.
 */
export function durabilityProblems(events: DurabilityEvent[], file: string): string[] {
  // Descriptors are named by their real path; a folder renamed away since keeps the name it was given.
  const real = (p: string) => (fs.existsSync(path.dirname(p)) ? path.join(fs.realpathSync(path.dirname(p)), path.basename(p)) : path.resolve(p));
  const target = real(file);
  const at = events.findIndex((e) => e.kind === 'rename' && real(e.to) === target);
  const renamed = events[at];
  if (at < 0 || renamed?.kind !== 'rename') return [`${file} was never renamed into place`];
  const problems: string[] = [];
  const from = real(renamed.from);
  if (!events.slice(0, at).some((e) => e.kind === 'fsync' && e.path === from)) problems.push(`${renamed.from} was not synced before it was renamed`);
  const dir = path.dirname(target);
  if (!events.slice(at + 1).some((e) => e.kind === 'fsync' && e.path === dir)) problems.push(`${dir} was not synced after the rename`);
  return problems;
}
