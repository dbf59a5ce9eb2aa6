import { describe, expect, it } from 'vitest';
import { ComplaintAudio, CreateComplaint, MAX_AUDIO_BYTES } from './complaints';

const audioOf = (bytes: number) => ({ mime: 'audio/webm' as const, data: Buffer.alloc(bytes).toString('base64') });

describe('ComplaintAudio', () => {
  it('accepts a recording of exactly the maximum size, padding included', () => {
    expect(ComplaintAudio.safeParse(audioOf(MAX_AUDIO_BYTES)).success).toBe(true);
    expect(ComplaintAudio.safeParse(audioOf(MAX_AUDIO_BYTES - 1)).success).toBe(true);
  });

  it('refuses a recording one byte over the maximum, in plain words', () => {
    const parsed = ComplaintAudio.safeParse(audioOf(MAX_AUDIO_BYTES + 1));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('录音太长了');
  });
});

describe('CreateComplaint', () => {
  it('needs words or a recording', () => {
    expect(CreateComplaint.safeParse({ category: 'subsidy' }).success).toBe(false);
    expect(CreateComplaint.safeParse({ category: 'subsidy', text: '   ' }).success).toBe(false);
    expect(CreateComplaint.safeParse({ category: 'subsidy', text: '补贴没发' }).success).toBe(true);
    expect(CreateComplaint.safeParse({ category: 'subsidy', audio: audioOf(10) }).success).toBe(true);
  });
});
