import type { ComplaintAudio } from '@sunshine/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';

/** A voice message is capped at 3 minutes (issue 5; contracts allow up to 200 s). */
export const MAX_RECORDING_SECONDS = 180;

export type RecorderState =
  | { kind: 'empty' }
  | { kind: 'recording'; seconds: number }
  | { kind: 'recorded'; audio: ComplaintAudio; url: string; seconds: number }
  | { kind: 'unavailable'; message: string };

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** MediaRecorder behind big record / stop / play-back buttons; stops by itself at the cap. */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ kind: 'empty' });
  const recorder = useRef<MediaRecorder | null>(null);
  const startedAt = useRef(0);
  const player = useRef<HTMLAudioElement | null>(null);
  const recordingUrl = useRef<string | null>(null);

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  const start = useCallback(async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const media = new MediaRecorder(stream);
      const chunks: Blob[] = [];
      media.ondataavailable = (event) => chunks.push(event.data);
      media.onstop = () => {
        for (const track of stream.getTracks()) track.stop();
        const seconds = Math.max(1, Math.min(MAX_RECORDING_SECONDS, Math.round((Date.now() - startedAt.current) / 1000)));
        const blob = new Blob(chunks, { type: 'audio/webm' });
        void toBase64(blob).then((data) => {
          if (recordingUrl.current !== null) URL.revokeObjectURL(recordingUrl.current);
          const url = URL.createObjectURL(blob);
          recordingUrl.current = url;
          setState({ kind: 'recorded', audio: { mime: 'audio/webm', data, durationSeconds: seconds }, url, seconds });
        });
      };
      recorder.current = media;
      startedAt.current = Date.now();
      media.start(1000);
      setState({ kind: 'recording', seconds: 0 });
    } catch {
      setState({ kind: 'unavailable', message: '录音设备暂时不能用，请点常用的话或写几个字' });
    }
  }, []);

  useEffect(() => {
    if (state.kind !== 'recording') return;
    const timer = window.setInterval(() => {
      const seconds = Math.round((Date.now() - startedAt.current) / 1000);
      if (seconds >= MAX_RECORDING_SECONDS) stop();
      else setState({ kind: 'recording', seconds });
    }, 500);
    return () => window.clearInterval(timer);
  }, [state.kind, stop]);

  const play = useCallback(() => {
    if (state.kind !== 'recorded') return;
    player.current?.pause();
    player.current = new Audio(state.url);
    void player.current.play().catch(() => undefined);
  }, [state]);

  const discard = useCallback(() => setState({ kind: 'empty' }), []);

  // Nothing recorded outlives the screen: stop the microphone and the playback.
  useEffect(
    () => () => {
      if (recorder.current?.state === 'recording') recorder.current.stop();
      player.current?.pause();
      if (recordingUrl.current !== null) URL.revokeObjectURL(recordingUrl.current);
    },
    [],
  );

  return { state, start, stop, play, discard };
}
