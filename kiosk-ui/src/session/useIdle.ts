import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskTiming } from './kiosk-timing';

export type IdleState =
  | { kind: 'active' }
  | { kind: 'asking'; secondsLeft: number }
  | { kind: 'attract' };

export interface IdleOptions {
  timing: KioskTiming;
  /** True on home with nothing personal held: no question, only the attract screen later. */
  isAtRest: boolean;
  /** Called when the countdown runs out: the shell clears the visit and goes home. */
  onTimeout: () => void;
}

const TICK_MS = 250;

/**
 * Watches for taps and key presses (scanners included). After `idleMs` without any,
 * asks "还在使用吗?" with a countdown; at rest on home, shows the attract screen after
 * `attractMs`. A tap on the overlay (or any key) returns to 'active'.
 */
export function useIdle({ timing, isAtRest, onTimeout }: IdleOptions): { idle: IdleState; dismiss: () => void } {
  const [state, setState] = useState<IdleState>({ kind: 'active' });
  const lastActivity = useRef(Date.now());
  const stateRef = useRef(state);
  stateRef.current = state;
  const onTimeoutRef = useRef(onTimeout);
  onTimeoutRef.current = onTimeout;

  useEffect(() => {
    // A tap only restarts the clock; the overlay's own click dismisses it, so the tap
    // that wakes the kiosk never lands on the button underneath.
    const markActive = () => {
      lastActivity.current = Date.now();
    };
    const markKey = () => {
      markActive();
      setState((previous) => (previous.kind === 'active' ? previous : { kind: 'active' }));
    };
    window.addEventListener('pointerdown', markActive, true);
    window.addEventListener('keydown', markKey, true);
    return () => {
      window.removeEventListener('pointerdown', markActive, true);
      window.removeEventListener('keydown', markKey, true);
    };
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const idleFor = Date.now() - lastActivity.current;
      if (isAtRest) {
        if (idleFor >= timing.attractMs) setState((s) => (s.kind === 'attract' ? s : { kind: 'attract' }));
        return;
      }
      if (idleFor < timing.idleMs) return;
      if (stateRef.current.kind === 'attract') return;
      const left = Math.ceil((timing.idleMs + timing.countdownMs - idleFor) / 1000);
      if (left <= 0) {
        lastActivity.current = Date.now();
        setState({ kind: 'active' });
        onTimeoutRef.current();
        return;
      }
      setState((s) => (s.kind === 'asking' && s.secondsLeft === left ? s : { kind: 'asking', secondsLeft: left }));
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [isAtRest, timing]);

  const dismiss = useCallback(() => {
    lastActivity.current = Date.now();
    setState({ kind: 'active' });
  }, []);
  return { idle: state, dismiss };
}
