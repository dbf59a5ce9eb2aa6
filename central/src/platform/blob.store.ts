import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '@sunshine/service-kit';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed files under `root/ab/<sha256>`: voice recordings, and the photos, PDFs
 * and scans that published records attach. Written before any row points at them, so a
 * row never names a missing file; writing the same bytes again is harmless.
 */
export function createBlobStore(root: string) {
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes: Buffer): Promise<string> {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      if (fs.existsSync(file)) return sha256;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // A row will name this file: its bytes must be on disk before the name is.
      await writeFileDurably(file, bytes);
      return sha256;
    },
    async get(sha256: string): Promise<Buffer | null> {
      if (!SHA256.test(sha256)) return null;
      return fs.promises.readFile(fileOf(sha256)).catch(() => null);
    },
    /** The file holding `sha256`, or null when it is not a sha256 or not stored. */
    pathOf(sha256: string): string | null {
      if (!SHA256.test(sha256)) return null;
      const file = fileOf(sha256);
      return fs.existsSync(file) ? file : null;
    },
  };
}
export type BlobStore = ReturnType<typeof createBlobStore>;

export const createAudioStore = (dataDir: string) => createBlobStore(path.join(dataDir, 'audio'));
export const createMediaStore = (dataDir: string) => createBlobStore(path.join(dataDir, 'media'));
export type AudioStore = BlobStore;
