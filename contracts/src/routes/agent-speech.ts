import { z } from 'zod';
import { defineRoute } from '../route';

/** `GET /api/tts?text=`: what the speech bar reads aloud, when the browser has no Chinese voice. */
export const TtsQuery = z.object({ text: z.string().default('') });

/** Speech rendered on the kiosk itself, for a browser without a Chinese voice. */
export const agentSpeechApi = {
  tts: defineRoute({
    method: 'GET',
    path: '/api/tts',
    summary:
      '`audio/wav` (22 kHz mono) from `espeak-ng -v cmn-latn-pinyin -s 130`; 400 `no_speech_text` when there is nothing to read; 413 `payload_too_large` past 400 characters. Send amounts in words (`readFenChinese`); stray ASCII digits are read one by one. Rendered in memory for each request (about 20 ms) and sent with `cache-control: no-store`: spoken text may be personal, so it is never kept on the kiosk\'s disk or in the browser; at most 2 espeak-ng processes at once',
    access: { kind: 'local' },
    query: TtsQuery,
    response: { kind: 'file', contentType: 'audio/wav' },
  }),
} as const;
