import { useCallback, useMemo, useState } from 'react';
import type { ScreenId } from './screen-id';

export interface Navigation {
  /** The screen on top of the stack. */
  current: ScreenId;
  /** False on home: there is nothing to go back to. */
  canGoBack: boolean;
  push: (screen: ScreenId) => void;
  back: () => void;
  home: () => void;
}

const HOME_STACK: readonly ScreenId[] = ['home'];

/**
 * An in-memory screen stack: no URLs, so a villager can never land on a half-built
 * page from history, and home is always one tap away. The stack never empties.
 */
export function useNavigation(): Navigation {
  const [stack, setStack] = useState<readonly ScreenId[]>(HOME_STACK);

  // A double tap on a tile must not open the same screen twice.
  const push = useCallback((screen: ScreenId) => {
    setStack((previous) => (previous.at(-1) === screen ? previous : [...previous, screen]));
  }, []);
  const back = useCallback(() => {
    setStack((previous) => (previous.length > 1 ? previous.slice(0, -1) : previous));
  }, []);
  const home = useCallback(() => setStack(HOME_STACK), []);

  return useMemo(
    () => ({ current: stack.at(-1) ?? 'home', canGoBack: stack.length > 1, push, back, home }),
    [stack, push, back, home],
  );
}
