import { describe, expect, it } from 'vitest';
import { planSync } from './sync-plan';

describe('planSync', () => {
  it('answers up to date when the kiosk holds the latest version', () => {
    expect(planSync(7, 7, 0)).toEqual({ kind: 'up_to_date', version: 7 });
  });
  it('sends a snapshot to a kiosk that has nothing', () => {
    expect(planSync(0, 7, 0)).toEqual({ kind: 'body', from: 0, to: 7 });
  });
  it('sends a delta to a kiosk within the retained history', () => {
    expect(planSync(5, 7, 3)).toEqual({ kind: 'body', from: 5, to: 7 });
  });
  it('sends a snapshot when the kiosk is older than the retained history', () => {
    expect(planSync(2, 7, 3)).toEqual({ kind: 'body', from: 0, to: 7 });
  });
  it('sends a snapshot when the kiosk claims a version central never published', () => {
    expect(planSync(9, 7, 0)).toEqual({ kind: 'body', from: 0, to: 7 });
  });
});
