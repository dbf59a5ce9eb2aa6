import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { agentSpeechApi, ApiError, urlOf } from '@sunshine/contracts';
import { errorHandler } from '@sunshine/service-kit';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeech } from '../src/speech/index';

// The real espeak-ng behind `agentSpeechApi.tts`, on a loopback port.

let url: string;
let server: ReturnType<ReturnType<typeof express>['listen']>;

beforeAll(async () => {
  const logger = pino({ level: 'silent' });
  const app = express();
  app.use(createSpeech({ logger }).router);
  app.use(errorHandler(logger));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

// Raw fetches of the route's URL: these tests read the WAV bytes and the headers themselves.
const tts = (text: string) => fetch(url + urlOf(agentSpeechApi.tts, { query: { text } }));

/** Seconds of audio from a PCM WAV header (fmt byte rate, data chunk size). */
function wavSeconds(wav: Buffer): number {
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(offset + 16);
    if (id === 'data') return size / byteRate;
    offset += 8 + size;
  }
  return 0;
}

describe('speech rendered by espeak-ng', () => {
  const sentence = '您的补贴一千二百三十四元五角已经发放。';

  it('answers a real Mandarin WAV of plausible length', async () => {
    const res = await tts(sentence);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    const seconds = wavSeconds(wav);
    // 19 syllables at a slow rate: a few seconds, not a blip and not a minute.
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(15);
    const file = path.join(os.tmpdir(), `tts-${process.pid}.wav`);
    fs.writeFileSync(file, wav);
    const soxSeconds = Number(execFileSync('sox', ['--i', '-D', file], { encoding: 'utf8' }).trim());
    fs.rmSync(file);
    expect(Math.abs(soxSeconds - seconds)).toBeLessThan(0.05);
  });

  it('gives the real sizes in the WAV header, and leaves nothing in any cache', async () => {
    const res = await tts('请输入身份证号码');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    // The same text renders to the same audio every time: nothing depends on a cache.
    expect(Buffer.from(await (await tts('请输入身份证号码')).arrayBuffer()).equals(wav)).toBe(true);
  });

  it('reads stray digits one by one, like the same text written in words', async () => {
    const digits = Buffer.from(await (await tts('查询号 0042')).arrayBuffer());
    const words = Buffer.from(await (await tts('查询号 零零四二')).arrayBuffer());
    expect(digits.equals(words)).toBe(true);
  });

  it('refuses empty and overlong text with a clear error, and is not fooled by option-like text', async () => {
    const empty = await tts('   ');
    expect([empty.status, ApiError.parse(await empty.json()).error.code]).toEqual([400, 'no_speech_text']);
    const long = await tts('好'.repeat(401));
    expect(long.status).toBe(413);
    expect(((await long.json()) as { error: { message: string } }).error.message).toContain('400');
    const optionLike = await tts('--help -w /tmp/evil.wav');
    expect(optionLike.status).toBe(200);
    expect(fs.existsSync('/tmp/evil.wav')).toBe(false);
  });

  it('renders concurrent requests for many texts', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `第${'一二三四五六七八'[i]}条通知`);
    const answers = await Promise.all(texts.map(async (t) => (await tts(t)).status));
    expect(answers).toEqual(texts.map(() => 200));
  });
});
