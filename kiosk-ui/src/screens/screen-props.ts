import type { AgentHealthState } from '../agent/useAgentHealth';
import type { Navigation } from '../navigation/screen-stack';

/** What App hands every screen; a screen uses what it needs. */
export interface ScreenProps {
  nav: Navigation;
  healthState: AgentHealthState;
}
