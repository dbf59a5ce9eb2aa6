import { AppError } from '@sunshine/contracts';
import { Router } from 'express';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { renderWav } from './espeak';
import { MAX_TTS_CHARS, normalizeSpeechText } from './speech-text';

export { MAX_TTS_CHARS, normalizeSpeechText } from './speech-text';

export interface SpeechDeps {
  logger: Logger;
  /** espeak-ng processes at once; more requests wait their turn. */
  maxConcurrent?: number;
}

/**
 * `GET /api/tts?text=…` → audio/wav from espeak-ng, rendered afresh each time (it takes
 * milliseconds) and never cached, on disk or in the browser: what is read aloud may be
 * personal and must not outlive the villager's visit.
 */
export function createSpeech(deps: SpeechDeps): { router: Router } {
  const limit = pLimit(deps.maxConcurrent ?? 2);

  const router = Router().get('/api/tts', async (req, res) => {
    const raw = typeof req.query.text === 'string' ? req.query.text : '';
    if ([...raw].length > MAX_TTS_CHARS) {
      throw new AppError('payload_too_large', `朗读的文字太长：最多${MAX_TTS_CHARS}个字。`);
    }
    const text = normalizeSpeechText(raw);
    if (!text) throw new AppError('bad_request', '没有要朗读的文字（text 参数为空）。');
    const wav = await limit(() => renderWav(text)).catch((err: unknown) => {
      deps.logger.error({ err }, 'speech rendering failed');
      throw new AppError('internal', '语音暂时无法播放。');
    });
    res.set('cache-control', 'no-store');
    res.type('audio/wav').send(wav);
  });
  return { router };
}
