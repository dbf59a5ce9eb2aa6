import { describe, expect, it } from 'vitest';
import { DEFAULT_VOLUME_STEP, VOLUME_STEPS, volumeStepDb, volumeStepGain } from './volume';

describe('volume steps', () => {
  it('span 18 dB in 3 dB steps', () => {
    expect(volumeStepDb(0)).toBe(-18);
    expect(volumeStepDb(VOLUME_STEPS - 1)).toBe(0);
    expect(volumeStepDb(1) - volumeStepDb(0)).toBe(3);
  });
  it('map dB to a linear gain, clamped to the range', () => {
    expect(volumeStepGain(6)).toBe(1);
    expect(volumeStepGain(0)).toBeCloseTo(0.126, 3);
    expect(volumeStepGain(99)).toBe(1);
    expect(volumeStepGain(DEFAULT_VOLUME_STEP)).toBeCloseTo(0.501, 3);
  });
});
