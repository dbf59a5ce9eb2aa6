import { useEffect } from 'react';
import { publicSpeech, type ScreenSpeech } from '../speech/screen-speech';
import { useAutoRead } from '../speech/useSpeech';
import { useSession } from './session';

/**
 * Makes `speech` what 朗读 reads on this screen and reads its arrival part by itself when
 * auto-read is on. A plain string is a screen with nothing personal: all of it is read.
 */
export function useScreenSpeech(speech: string | ScreenSpeech | null): void {
  const { setScreenSpeech } = useSession();
  const resolved = typeof speech === 'string' ? publicSpeech(speech) : speech;
  const onArrival = resolved?.onArrival ?? null;
  const onRequest = resolved?.onRequest ?? null;
  useEffect(() => {
    if (onArrival !== null && onRequest !== null) setScreenSpeech({ onArrival, onRequest });
  }, [onArrival, onRequest, setScreenSpeech]);
  useAutoRead(onArrival);
}

/** Lets a screen with inner steps handle 返回 itself while it is mounted. */
export function useBackHandler(handler: (() => boolean) | null): void {
  const { setBackHandler } = useSession();
  useEffect(() => {
    setBackHandler(handler);
    return () => setBackHandler(null);
  }, [handler, setBackHandler]);
}
