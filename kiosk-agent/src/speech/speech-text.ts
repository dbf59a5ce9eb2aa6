import { readDigits } from '@sunshine/contracts';

/** Longest text rendered in one request: a screen's read-aloud text, not a book. */
export const MAX_TTS_CHARS = 400;

/**
 * Prepares text for espeak-ng: whitespace collapsed, and any stray ASCII digits read one
 * by one in Chinese (the UI sends amounts already in words; espeak would read 123.45
 * without the 点). Control characters are dropped.
 */
export function normalizeSpeechText(text: string): string {
  return [...text]
    .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f' ? ' ' : c))
    .join('')
    .replace(/\d+/g, (digits) => readDigits(digits))
    .replace(/\s+/g, ' ')
    .trim();
}
