import { useEffect } from 'react';
import { useAutoRead } from '../speech/useSpeech';
import { useSession } from './session';

/** Makes `text` what 朗读 reads on this screen, and reads it on arrival when auto-read is on. */
export function useScreenSpeech(text: string | null): void {
  const { setScreenSpeech } = useSession();
  useEffect(() => {
    if (text !== null) setScreenSpeech(text);
  }, [text, setScreenSpeech]);
  useAutoRead(text);
}

/** Lets a screen with inner steps handle 返回 itself while it is mounted. */
export function useBackHandler(handler: (() => boolean) | null): void {
  const { setBackHandler } = useSession();
  useEffect(() => {
    setBackHandler(handler);
    return () => setBackHandler(null);
  }, [handler, setBackHandler]);
}
