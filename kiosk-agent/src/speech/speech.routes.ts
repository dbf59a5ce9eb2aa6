import { agentSpeechApi } from '@sunshine/contracts';
import { Router } from 'express';
import { mount } from '../route-mount';
import type { SpeechService } from './speech.service';

/** `agentSpeechApi.tts` → audio/wav, never cached on disk or in the browser. */
export function speechRoutes(speech: SpeechService): Router {
  const router = Router();
  mount(router, agentSpeechApi.tts, async ({ query }, _req, res) => {
    const wav = await speech.speak(query.text);
    res.set('cache-control', 'no-store');
    res.type(agentSpeechApi.tts.response.contentType).send(wav);
    return undefined;
  });
  return router;
}
