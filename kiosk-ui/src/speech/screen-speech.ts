// What a screen says, in two parts (docs/design.md §7): its guidance is read by itself on
// arrival; personal data (a name, totals, a PIN, a reply, what the villager said) only
// when the villager presses 朗读, because the hall may be full of neighbours.

export interface ScreenSpeech {
  /** Read by itself when the screen appears (auto-read). Never personal. */
  onArrival: string;
  /** Read when the villager presses 朗读 or 重复: everything on screen. */
  onRequest: string;
}

export const SILENCE: ScreenSpeech = { onArrival: '', onRequest: '' };

/** A screen with nothing personal on it reads all of itself on arrival. */
export function publicSpeech(text: string): ScreenSpeech {
  return { onArrival: text, onRequest: text };
}

/**
 * The line a personal screen shows about itself. This agent reports no earphone socket,
 * so the earphone is suggested in general words.
 */
export function privateNoteText(what: string): string {
  return `${what}不自动朗读，要听请按“朗读”；如有耳机，请先插上。`;
}

/** The same, said on arrival, with the reason. */
export function privateSpeechText(what: string): string {
  return `为了保护您的隐私，${what}不会自动读出来。要听，请按下方的“朗读”；如有耳机，可以先插上耳机。`;
}

/**
 * A screen showing `what` (e.g. 姓名和金额): on arrival only `guidance` and the privacy
 * sentence are read; `details` (the whole screen) waits for 朗读.
 */
export function personalSpeech(guidance: string, what: string, details: string): ScreenSpeech {
  return { onArrival: `${guidance}${privateSpeechText(what)}`, onRequest: details };
}
