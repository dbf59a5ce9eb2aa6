import { agentSpeechApi } from '@sunshine/contracts';
import { agentCall } from '../agent/agent-request';
import { splitSentences } from './split-sentences';

/** What the kiosk needs from a voice; the browser's and the agent-audio one both fit. */
export interface SpeechEngine {
  readonly kind: 'browser' | 'agent-audio';
  /** Queues `text`; calls `onEnd` when the whole text has been read or was cancelled. */
  speak(text: string, options: { rate: number; gain: number }, onEnd: () => void): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  setGain(gain: number): void;
}

/** The browser's speechSynthesis with a Chinese voice. */
export function createBrowserEngine(voice: SpeechSynthesisVoice): SpeechEngine {
  const synth = window.speechSynthesis;
  return {
    kind: 'browser',
    speak(text, { rate, gain }, onEnd) {
      const pieces = splitSentences(text);
      pieces.forEach((piece, index) => {
        const utterance = new SpeechSynthesisUtterance(piece);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = rate;
        utterance.volume = gain;
        if (index === pieces.length - 1) {
          utterance.onend = onEnd;
          utterance.onerror = onEnd;
        }
        synth.speak(utterance);
      });
    },
    cancel: () => synth.cancel(),
    pause: () => synth.pause(),
    resume: () => synth.resume(),
    // speechSynthesis cannot change the volume of an utterance already playing.
    setGain: () => undefined,
  };
}

/**
 * Fetches the agent's rendering of one piece (espeak-ng, rendered afresh) without leaving it
 * in the browser's HTTP cache: what is read aloud may be personal (a name, an amount) and
 * must not outlive the villager's visit.
 */
async function fetchSpeechAudio(text: string, signal: AbortSignal): Promise<string> {
  const response = await agentCall(agentSpeechApi.tts, { query: { text } }, { signal });
  return URL.createObjectURL(await response.blob());
}

interface Piece {
  audio: HTMLAudioElement;
  /** Resolves once the WAV is loaded into the element (or failed). */
  ready: Promise<boolean>;
}

/**
 * The polyfill with the same interface: plays the agent's WAVs (`agentSpeechApi.tts`) one piece after another.
 * Every piece is fetched at once, so the next is ready while one plays.
 */
export function createAudioEngine(): SpeechEngine {
  let queue: Piece[] = [];
  let current: Piece | null = null;
  let finish: (() => void) | null = null;
  let gain = 1;
  let paused = false;
  let controller = new AbortController();

  const release = (piece: Piece) => {
    piece.audio.pause();
    const src = piece.audio.src;
    piece.audio.removeAttribute('src');
    if (src.startsWith('blob:')) URL.revokeObjectURL(src);
  };

  const playNext = (): void => {
    if (current !== null) release(current);
    current = queue.shift() ?? null;
    if (current === null) {
      const done = finish;
      finish = null;
      done?.();
      return;
    }
    const piece = current;
    void piece.ready.then((ok) => {
      if (piece !== current) return;
      if (!ok) return playNext();
      piece.audio.volume = gain;
      if (!paused) piece.audio.play().catch(() => piece === current && playNext());
    });
  };

  return {
    kind: 'agent-audio',
    speak(text, options, onEnd) {
      gain = options.gain;
      const signal = controller.signal;
      const pieces = splitSentences(text).map((sentence): Piece => {
        const audio = new Audio();
        audio.preservesPitch = true;
        audio.addEventListener('ended', () => piece === current && playNext());
        // The agent may refuse a piece: skip it rather than go silent for good.
        audio.addEventListener('error', () => piece === current && playNext());
        const ready = fetchSpeechAudio(sentence, signal).then(
          (url) => {
            audio.src = url;
            audio.defaultPlaybackRate = options.rate;
            audio.playbackRate = options.rate;
            return true;
          },
          () => false,
        );
        const piece: Piece = { audio, ready };
        return piece;
      });
      queue.push(...pieces);
      const previousFinish = finish;
      finish = () => {
        previousFinish?.();
        onEnd();
      };
      if (current === null) playNext();
    },
    cancel() {
      controller.abort();
      controller = new AbortController();
      for (const piece of [current, ...queue]) if (piece !== null) release(piece);
      queue = [];
      current = null;
      paused = false;
      const done = finish;
      finish = null;
      done?.();
    },
    pause() {
      paused = true;
      current?.audio.pause();
    },
    resume() {
      paused = false;
      current?.audio.play().catch(() => undefined);
    },
    setGain(next) {
      gain = next;
      if (current !== null) current.audio.volume = next;
    },
  };
}
