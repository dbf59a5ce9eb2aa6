// Idle timings (docs/design.md §8). Tests shorten them with `?idleMs=&countdownMs=&attractMs=` in
// the kiosk URL; a kiosk never has those in its URL.

export interface KioskTiming {
  idleMs: number;
  countdownMs: number;
  attractMs: number;
}

export const DEFAULT_TIMING: KioskTiming = { idleMs: 60_000, countdownMs: 15_000, attractMs: 180_000 };

export function readKioskTiming(search: string): KioskTiming {
  const params = new URLSearchParams(search);
  const read = (key: keyof KioskTiming): number => {
    const value = Number(params.get(key));
    return Number.isFinite(value) && value >= 1_000 ? value : DEFAULT_TIMING[key];
  };
  return { idleMs: read('idleMs'), countdownMs: read('countdownMs'), attractMs: read('attractMs') };
}
