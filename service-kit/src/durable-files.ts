import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import writeFileAtomic from 'write-file-atomic';

// Files the kiosk and central promise to keep through a power cut (docs/design.md §4, §5):
// after the cut a reader finds the old file or the whole new one, and once a write has
// returned, the new one. A rename alone promises neither: the new name can reach the disk
// before the bytes it names (an empty file after the cut), and the rename itself waits in
// the directory's unwritten metadata until that directory is synced. So: sync the file,
// rename it, sync the directory. The callback forms of fs are used (not fs.promises) so
// these calls and write-file-atomic's go through the same functions, looked up on each call
// as write-file-atomic does (so a test can watch them: `@sunshine/service-kit/testing`).

export interface DurableWriteOptions {
  /** The file's mode, e.g. 0o600 for secrets; applied whatever the umask. */
  mode?: number;
}

/** Writes `data` to `file` through a synced temporary file renamed over it, then syncs the directory. */
export async function writeFileDurably(file: string, data: string | Buffer, options: DurableWriteOptions = {}): Promise<void> {
  await writeFileAtomic(file, data, { fsync: true, mode: options.mode });
  await syncDirectory(path.dirname(file));
}

/** {@link writeFileDurably} for code that is synchronous already (enrolment, provisioning). */
export function writeFileDurablySync(file: string, data: string | Buffer, options: DurableWriteOptions = {}): void {
  writeFileAtomic.sync(file, data, { fsync: true, mode: options.mode });
  syncDirectorySync(path.dirname(file));
}

/** Moves a finished file (a streamed body, a download) into place: its bytes are synced first, the directory after. */
export async function renameDurably(from: string, to: string): Promise<void> {
  await syncPath(from);
  await promisify(fs.rename)(from, to);
  await syncDirectory(path.dirname(to));
}

/** Syncs a directory, so the names just created, renamed or removed in it survive a power cut. */
export function syncDirectory(dir: string): Promise<void> {
  return syncPath(dir);
}

export function syncDirectorySync(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** fsync through a read-only descriptor: Linux flushes a file's or a directory's data either way. */
async function syncPath(target: string): Promise<void> {
  const fd = await promisify(fs.open)(target, 'r');
  try {
    await promisify(fs.fsync)(fd);
  } finally {
    await promisify(fs.close)(fd);
  }
}
