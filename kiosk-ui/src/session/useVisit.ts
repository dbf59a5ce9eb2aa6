import { useCallback, useMemo, useReducer, useRef } from 'react';
import type { Navigation } from '../navigation/screen-stack';
import type { ScreenSpeech } from '../speech/screen-speech';
import type { SessionApi } from './session';
import { FIRST_VISIT, visitReducer } from './visit';

export interface Visit {
  /** Changes with each villager: the shell keys the screens by it. */
  visit: number;
  nav: Navigation;
  session: SessionApi;
  /** What the screen on show says. */
  speech: ScreenSpeech;
}

/**
 * The shell's navigation and session as one state (`visit.ts`): 首页, 返回 to home,
 * idle, the attract screen and 办完了 all end the visit through the same reducer.
 */
export function useVisit(): Visit {
  const [state, dispatch] = useReducer(visitReducer, FIRST_VISIT);
  const backHandler = useRef<(() => boolean) | null>(null);
  const { visit, stack, data, speech } = state;

  const nav = useMemo<Navigation>(
    () => ({
      current: stack.at(-1) ?? 'home',
      canGoBack: stack.length > 1,
      push: (screen) => dispatch({ type: 'push', screen }),
      // A screen with inner steps (a result, a reply) takes 返回 first.
      back: () => {
        if (backHandler.current?.() !== true) dispatch({ type: 'back' });
      },
      home: () => dispatch({ type: 'end-visit' }),
    }),
    [stack],
  );

  const setScreenSpeech = useCallback((next: ScreenSpeech) => dispatch({ type: 'speech', visit, speech: next }), [visit]);
  const setBackHandler = useCallback((handler: (() => boolean) | null) => {
    backHandler.current = handler;
  }, []);

  const session = useMemo<SessionApi>(
    () => ({
      data,
      update: (patch) => dispatch({ type: 'update', visit, patch }),
      startComplaint: (subject) => dispatch({ type: 'start-complaint', visit, subject }),
      endVisit: () => dispatch({ type: 'end-visit' }),
      setScreenSpeech,
      setBackHandler,
    }),
    [data, visit, setScreenSpeech, setBackHandler],
  );

  return { visit, nav, session, speech };
}
