import { createAudioEngine, createBrowserEngine, type SpeechEngine } from './engines';
import { toSpokenChinese } from './spoken-numbers';
import { clampVolumeStep, DEFAULT_VOLUME_STEP, VOLUME_STEPS, volumeStepGain } from './volume';

// The speech service every screen uses (docs/design.md §7): the browser's own voice when it has a
// Chinese one, otherwise the agent-audio polyfill. One text is read at a time: a new
// speak() interrupts the old one, so a villager is never talked over.

/** Slow enough for elderly listeners; docs/design.md §7 asks for a slow default rate. */
export const DEFAULT_SPEECH_RATE = 0.85;
const AUTO_READ_KEY = 'sunshine.autoRead';

export interface SpeechState {
  isSpeaking: boolean;
  isPaused: boolean;
  volumeStep: number;
  /** What was last read: 重复 reads it again. */
  lastText: string;
  engine: SpeechEngine['kind'];
}

let state: SpeechState = {
  isSpeaking: false,
  isPaused: false,
  volumeStep: DEFAULT_VOLUME_STEP,
  lastText: '',
  engine: 'agent-audio',
};
const listeners = new Set<() => void>();
let audioEngine: SpeechEngine | null = null;
let speechId = 0;

function setState(patch: Partial<SpeechState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function findChineseVoice(): SpeechSynthesisVoice | undefined {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return undefined;
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith('zh-cn')) ??
    voices.find((voice) => voice.lang.toLowerCase().startsWith('zh'))
  );
}

/** Chosen at each call: Chromium fills its voice list late, and a voice may appear later. */
function pickEngine(): SpeechEngine {
  const voice = findChineseVoice();
  if (voice !== undefined) return createBrowserEngine(voice);
  audioEngine ??= createAudioEngine();
  return audioEngine;
}

let engine: SpeechEngine | null = null;

/** Reads `text` aloud, interrupting anything that is being read. */
export function speak(text: string): void {
  stopSpeaking();
  if (text.trim() === '') return;
  engine = pickEngine();
  const id = ++speechId;
  setState({ isSpeaking: true, isPaused: false, lastText: text, engine: engine.kind });
  engine.speak(toSpokenChinese(text), { rate: DEFAULT_SPEECH_RATE, gain: volumeStepGain(state.volumeStep) }, () => {
    if (id === speechId) setState({ isSpeaking: false, isPaused: false });
  });
}

/** Stops any speech in progress; safe to call when nothing is playing. */
export function stopSpeaking(): void {
  speechId += 1;
  engine?.cancel();
  if (state.isSpeaking || state.isPaused) setState({ isSpeaking: false, isPaused: false });
}

/** 暂停 / 继续. */
export function togglePause(): void {
  if (engine === null || !state.isSpeaking) return;
  if (state.isPaused) engine.resume();
  else engine.pause();
  setState({ isPaused: !state.isPaused });
}

/** 重复: reads the last text again from its start. */
export function repeatLast(): void {
  if (state.lastText !== '') speak(state.lastText);
}

export function setVolumeStep(step: number): void {
  const volumeStep = clampVolumeStep(step);
  engine?.setGain(volumeStepGain(volumeStep));
  setState({ volumeStep });
}

export const louder = () => setVolumeStep(state.volumeStep + 1);
export const quieter = () => setVolumeStep(state.volumeStep - 1);
export const MAX_VOLUME_STEP = VOLUME_STEPS - 1;

/** After each villager: silence, default volume, nothing to repeat. */
export function resetSpeech(): void {
  stopSpeaking();
  setState({ volumeStep: DEFAULT_VOLUME_STEP, lastText: '' });
}

export function getSpeechState(): SpeechState {
  return state;
}

export function subscribeSpeech(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether each screen reads itself on arrival; staff switch it in the hidden panel. */
export function isAutoReadOn(): boolean {
  try {
    return window.localStorage.getItem(AUTO_READ_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setAutoRead(on: boolean): void {
  try {
    window.localStorage.setItem(AUTO_READ_KEY, on ? 'on' : 'off');
  } catch {
    // A kiosk without storage keeps the default (on).
  }
}

// Chromium loads its voice list asynchronously; asking once early means the list is
// usually ready by the first screen.
if (typeof window !== 'undefined' && 'speechSynthesis' in window) {
  window.speechSynthesis.getVoices();
}
