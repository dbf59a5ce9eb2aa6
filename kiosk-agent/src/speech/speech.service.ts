import { AppError } from '@sunshine/contracts';
import pLimit from 'p-limit';
import { MAX_TTS_CHARS, normalizeSpeechText } from './speech-text';

export interface SpeechDeps {
  /** Renders text to a WAV in memory (espeak-ng). */
  render(text: string): Promise<Buffer>;
  /** Told when rendering failed; the villager hears nothing and sees the speech bar say so. */
  onFailure(err: unknown): void;
  /** Renderings at once; more requests wait their turn. */
  maxConcurrent?: number;
}

/**
 * 朗读 for a browser without a Chinese voice: each text rendered afresh (it takes
 * milliseconds) and never kept, since what is read aloud may be personal.
 */
export function createSpeechService(deps: SpeechDeps) {
  const limit = pLimit(deps.maxConcurrent ?? 2);
  return {
    /** @throws AppError `payload_too_large` past MAX_TTS_CHARS, `no_speech_text` when nothing is left to read */
    async speak(raw: string): Promise<Buffer> {
      if ([...raw].length > MAX_TTS_CHARS) throw new AppError('payload_too_large', `朗读的文字太长：最多${MAX_TTS_CHARS}个字。`);
      const text = normalizeSpeechText(raw);
      if (!text) throw new AppError('no_speech_text', '没有要朗读的文字（text 参数为空）。');
      return limit(() => deps.render(text)).catch((err: unknown) => {
        deps.onFailure(err);
        throw new AppError('internal', '语音暂时无法播放。');
      });
    },
  };
}
export type SpeechService = ReturnType<typeof createSpeechService>;
