import type { ScreenId } from './screen-id';

/** What the shell hands each screen to move between screens. */
export interface Navigation {
  /** The screen on top of the stack. */
  current: ScreenId;
  /** False on home: there is nothing to go back to. */
  canGoBack: boolean;
  push: (screen: ScreenId) => void;
  back: () => void;
  /** Ends the villager's visit: home, with everything personal cleared (docs/design.md §8). */
  home: () => void;
}

// An in-memory screen stack: no URLs, so a villager can never land on a half-built page
// from history, and home is always one tap away. The stack never empties.

export const HOME_STACK: readonly ScreenId[] = ['home'];

/** A double tap on a tile must not open the same screen twice. */
export function pushScreen(stack: readonly ScreenId[], screen: ScreenId): readonly ScreenId[] {
  return stack.at(-1) === screen ? stack : [...stack, screen];
}

export function popScreen(stack: readonly ScreenId[]): readonly ScreenId[] {
  return stack.length > 1 ? stack.slice(0, -1) : stack;
}

export function isHomeStack(stack: readonly ScreenId[]): boolean {
  return stack.length === 1 && stack[0] === 'home';
}
