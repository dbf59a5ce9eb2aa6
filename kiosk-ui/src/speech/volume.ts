// Volume steps over an 18 dB range (docs/design.md §14, EN 301 549): 7 steps of 3 dB, from
// -18 dB to 0 dB. Every villager starts at the default step; idle reset restores it.

export const VOLUME_STEP_DB = 3;
export const VOLUME_STEPS = 7;
export const DEFAULT_VOLUME_STEP = 4;

/** The attenuation of step `step` (0 = quietest, 6 = loudest) in dB. */
export function volumeStepDb(step: number): number {
  return (clampVolumeStep(step) - (VOLUME_STEPS - 1)) * VOLUME_STEP_DB;
}

/** The linear gain (0..1) of a step, for `audio.volume` and `utterance.volume`. */
export function volumeStepGain(step: number): number {
  return 10 ** (volumeStepDb(step) / 20);
}

export function clampVolumeStep(step: number): number {
  return Math.min(VOLUME_STEPS - 1, Math.max(0, Math.round(step)));
}
