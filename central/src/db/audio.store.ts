import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Voice recordings as content-addressed files under `CENTRAL_DATA_DIR/audio/ab/<sha256>`.
 * Written before the ticket row, so a ticket never points at a missing file; a replay
 * writes the same name again, harmlessly.
 */
export function createAudioStore(dataDir: string) {
  const root = path.join(dataDir, 'audio');
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes: Buffer): Promise<string> {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      if (fs.existsSync(file)) return sha256;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
      return sha256;
    },
    async get(sha256: string): Promise<Buffer | null> {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      return fs.promises.readFile(fileOf(sha256)).catch(() => null);
    },
  };
}
export type AudioStore = ReturnType<typeof createAudioStore>;
