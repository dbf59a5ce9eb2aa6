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

function stopTracks(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * MediaRecorder behind big record / stop / play-back buttons; stops by itself at the cap.
 * A villager's voice never outlives the screen: on unmount the microphone is released at
 * once, the playback stops, the recording's object URL is revoked, and a recording that
 * finishes encoding (or a microphone that opens) after that is thrown away.
 */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ kind: 'empty' });
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const startedAt = useRef(0);
  const player = useRef<HTMLAudioElement | null>(null);
  const recordingUrl = useRef<string | null>(null);
  const isDisposed = useRef(false);

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  const keep = useCallback((blob: Blob, seconds: number, data: string) => {
    if (isDisposed.current) return;
    if (recordingUrl.current !== null) URL.revokeObjectURL(recordingUrl.current);
    const url = URL.createObjectURL(blob);
    recordingUrl.current = url;
    setState({ kind: 'recorded', audio: { mime: 'audio/webm', data, durationSeconds: seconds }, url, seconds });
  }, []);

  const start = useCallback(async () => {
    try {
      const opened = await navigator.mediaDevices.getUserMedia({ audio: true });
      if (isDisposed.current) return stopTracks(opened);
      stream.current = opened;
      const media = new MediaRecorder(opened);
      const chunks: Blob[] = [];
      media.ondataavailable = (event) => chunks.push(event.data);
      media.onstop = () => {
        stopTracks(opened);
        const seconds = Math.max(1, Math.min(MAX_RECORDING_SECONDS, Math.round((Date.now() - startedAt.current) / 1000)));
        const blob = new Blob(chunks, { type: 'audio/webm' });
        chunks.length = 0;
        if (!isDisposed.current) void toBase64(blob).then((data) => keep(blob, seconds, data));
      };
      recorder.current = media;
      startedAt.current = Date.now();
      media.start(1000);
      setState({ kind: 'recording', seconds: 0 });
    } catch {
      if (!isDisposed.current) setState({ kind: 'unavailable', message: '录音设备暂时不能用，请点常用的话' });
    }
  }, [keep]);

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

  useEffect(() => {
    isDisposed.current = false;
    return () => {
      isDisposed.current = true;
      if (recorder.current?.state === 'recording') recorder.current.stop();
      stopTracks(stream.current);
      player.current?.pause();
      player.current?.removeAttribute('src');
      if (recordingUrl.current !== null) URL.revokeObjectURL(recordingUrl.current);
      recordingUrl.current = null;
    };
  }, []);

  return { state, start, stop, play };
}
