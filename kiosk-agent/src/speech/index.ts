import type { Router } from 'express';
import type { Logger } from 'pino';
import { renderWav } from './espeak';
import { speechRoutes } from './speech.routes';
import { createSpeechService } from './speech.service';

export { MAX_TTS_CHARS, normalizeSpeechText } from './speech-text';

export interface SpeechOptions {
  logger: Logger;
  /** espeak-ng processes at once; more requests wait their turn. */
  maxConcurrent?: number;
}

/** Speech with espeak-ng behind `agentSpeechApi.tts`. */
export function createSpeech(options: SpeechOptions): { router: Router } {
  const service = createSpeechService({
    render: (text) => renderWav(text),
    onFailure: (err) => options.logger.error({ err }, 'speech rendering failed'),
    maxConcurrent: options.maxConcurrent,
  });
  return { router: speechRoutes(service) };
}
