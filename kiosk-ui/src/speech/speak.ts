// A small stand-in for the speech service (DESIGN §7): the browser's own voice when it
// has a Chinese one, otherwise audio rendered by the agent. Only one utterance plays at
// a time: every call stops what was playing, so a villager is never talked over.

/** Slow enough for elderly listeners; DESIGN §7 asks for a slow default rate. */
const SPEECH_RATE = 0.8;

let currentAudio: HTMLAudioElement | null = null;

function findChineseVoice(): SpeechSynthesisVoice | undefined {
  if (!('speechSynthesis' in window)) return undefined;
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((voice) => voice.lang.toLowerCase().startsWith('zh-cn')) ??
    voices.find((voice) => voice.lang.toLowerCase().startsWith('zh'))
  );
}

function playAgentAudio(text: string): void {
  const audio = new Audio(`/api/tts?text=${encodeURIComponent(text)}`);
  currentAudio = audio;
  // The agent may not serve speech yet (404) or the device may refuse autoplay:
  // silence is the right fallback, the text is on screen anyway.
  audio.addEventListener('error', () => undefined);
  audio.play().catch(() => undefined);
}

/** Reads `text` aloud, interrupting anything that is being read. */
export function speak(text: string): void {
  stopSpeaking();
  const voice = findChineseVoice();
  if (voice === undefined) {
    playAgentAudio(text);
    return;
  }
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = SPEECH_RATE;
  window.speechSynthesis.speak(utterance);
}

/** Stops any speech in progress; safe to call when nothing is playing. */
export function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  if (currentAudio !== null) {
    currentAudio.pause();
    currentAudio.removeAttribute('src');
    currentAudio = null;
  }
}

// Chromium loads its voice list asynchronously; asking once early means the list is
// usually ready by the first tap on 朗读.
if (typeof window !== 'undefined' && 'speechSynthesis' in window) {
  window.speechSynthesis.getVoices();
}
