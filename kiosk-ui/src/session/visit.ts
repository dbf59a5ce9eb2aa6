import type { ComplaintSubject } from '@sunshine/contracts';
import type { ScreenId } from '../navigation/screen-id';
import { HOME_STACK, isHomeStack, popScreen, pushScreen } from '../navigation/screen-stack';
import { SILENCE, type ScreenSpeech } from '../speech/screen-speech';
import { EMPTY_SESSION, type SessionData } from './session';

/**
 * One villager's visit: where they are, what they looked up, what the screen says.
 * Arriving home by ANY path (首页, 返回, idle, the attract screen, 办完了; a reload starts
 * from scratch anyway) starts the next visit in the same state change that shows home,
 * so no render shows home with the last villager's data (docs/design.md §8).
 */
export interface VisitState {
  /** Counts visits. The shell keys the screens and speech by it: a new visit mounts afresh. */
  visit: number;
  stack: readonly ScreenId[];
  data: SessionData;
  speech: ScreenSpeech;
}

export type VisitAction =
  | { type: 'push'; screen: ScreenId }
  | { type: 'back' }
  | { type: 'end-visit' }
  | { type: 'update'; visit: number; patch: Partial<SessionData> }
  | { type: 'start-complaint'; visit: number; subject: ComplaintSubject | null }
  | { type: 'speech'; visit: number; speech: ScreenSpeech };

export const FIRST_VISIT: VisitState = { visit: 1, stack: HOME_STACK, data: EMPTY_SESSION, speech: SILENCE };

function nextVisit(state: VisitState): VisitState {
  return { visit: state.visit + 1, stack: HOME_STACK, data: EMPTY_SESSION, speech: SILENCE };
}

/** Moving to `stack`; landing on home ends the visit. */
function moveTo(state: VisitState, stack: readonly ScreenId[]): VisitState {
  return isHomeStack(stack) ? nextVisit(state) : { ...state, stack };
}

export function visitReducer(state: VisitState, action: VisitAction): VisitState {
  switch (action.type) {
    case 'push':
      return moveTo(state, pushScreen(state.stack, action.screen));
    case 'back':
      return moveTo(state, popScreen(state.stack));
    case 'end-visit':
      return nextVisit(state);
    default:
      // Whatever a screen of an ended visit still sends (a lookup answered after 首页,
      // 对此有疑问 tapped as the idle reset fires) belongs to no one now.
      if (action.visit !== state.visit) return state;
      if (action.type === 'update') return { ...state, data: { ...state.data, ...action.patch } };
      if (action.type === 'speech') return { ...state, speech: action.speech };
      return {
        ...state,
        data: { ...state.data, complaintSubject: action.subject },
        stack: pushScreen(state.stack, 'report'),
      };
  }
}
