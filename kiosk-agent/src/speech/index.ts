import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@sunshine/contracts';
import { Router } from 'express';
import type { Logger } from 'pino';
import { RATE, renderWav, VOICE } from './espeak';
import { MAX_TTS_CHARS, normalizeSpeechText } from './speech-text';

export { MAX_TTS_CHARS, normalizeSpeechText } from './speech-text';

export interface SpeechDeps {
  cacheDir: string;
  logger: Logger;
  /** espeak-ng processes at once; more requests wait their turn. */
  maxConcurrent?: number;
  /** WAV files kept; past this the least recently used are deleted (about 300 KB each). */
  maxCacheFiles?: number;
}

/** Deletes the least recently used WAVs (by mtime, touched on every hit) down to 90 % of `max`. */
function pruneCache(dir: string, max: number): void {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.wav'));
  if (files.length <= max) return;
  const byAge = files
    .map((f) => ({ file: path.join(dir, f), mtime: fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { file } of byAge.slice(0, files.length - Math.floor(max * 0.9))) fs.rmSync(file, { force: true });
}

/** A counting semaphore: at most `limit` renders at once, the rest wait in order. */
function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * `GET /api/tts?text=…` → audio/wav from espeak-ng, cached on disk by a hash of the
 * normalised text, voice and rate (so the same prompt is rendered once per kiosk).
 */
export function createSpeech(deps: SpeechDeps): { router: Router } {
  const cacheDir = path.resolve(deps.cacheDir);
  const maxCacheFiles = deps.maxCacheFiles ?? 2000;
  fs.mkdirSync(cacheDir, { recursive: true });
  const limit = createLimiter(deps.maxConcurrent ?? 2);
  const inFlight = new Map<string, Promise<void>>();

  async function wavFor(text: string): Promise<string> {
    const key = createHash('sha256').update(`${VOICE}|${RATE}|${text}`).digest('hex');
    const file = path.join(cacheDir, `${key}.wav`);
    if (fs.existsSync(file)) {
      const now = new Date();
      fs.utimes(file, now, now, () => undefined);
      return file;
    }
    let render = inFlight.get(key);
    if (!render) {
      // Written to a temporary name and renamed: a reader never sees half a file.
      const tmp = `${file}.${randomUUID()}.tmp`;
      render = limit(() => renderWav(text, tmp))
        .then(() => {
          fs.renameSync(tmp, file);
          pruneCache(cacheDir, maxCacheFiles);
        })
        .finally(() => {
          inFlight.delete(key);
          fs.rmSync(tmp, { force: true });
        });
      inFlight.set(key, render);
    }
    await render;
    return file;
  }

  const router = Router().get('/api/tts', async (req, res) => {
    const raw = typeof req.query.text === 'string' ? req.query.text : '';
    if ([...raw].length > MAX_TTS_CHARS) {
      throw new AppError('payload_too_large', `朗读的文字太长：最多${MAX_TTS_CHARS}个字。`);
    }
    const text = normalizeSpeechText(raw);
    if (!text) throw new AppError('bad_request', '没有要朗读的文字（text 参数为空）。');
    let file: string;
    try {
      file = await wavFor(text);
    } catch (err) {
      deps.logger.error({ err }, 'speech rendering failed');
      throw new AppError('internal', '语音暂时无法播放。');
    }
    res.set('cache-control', 'public, max-age=86400');
    res.type('audio/wav').sendFile(file);
  });
  return { router };
}
