import { useEffect, useSyncExternalStore } from 'react';
import { getSpeechState, isAutoReadOn, speak, subscribeSpeech, type SpeechState } from './speak';

export function useSpeechState(): SpeechState {
  return useSyncExternalStore(subscribeSpeech, getSpeechState);
}

/**
 * Reads `text` when it first appears or changes (auto-read, docs/design.md §7), unless staff
 * switched auto-read off. Speech for the old screen is stopped by the shell.
 */
export function useAutoRead(text: string | null): void {
  useEffect(() => {
    if (text === null || text === '' || !isAutoReadOn()) return;
    const timer = window.setTimeout(() => speak(text), 150);
    return () => window.clearTimeout(timer);
  }, [text]);
}
