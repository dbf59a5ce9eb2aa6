import { useEffect, useState } from 'react';
import type { AgentHealth } from '@sunshine/contracts';
import { subscribeAgentStatus } from './agent-socket';
import { fetchAgentHealth } from './fetch-agent-health';

const POLL_INTERVAL_MS = 30_000;

export interface AgentHealthState {
  /** The last health the agent reported; kept while a later poll fails. */
  health: AgentHealth | null;
  /** True until the first answer (or failure) arrives. */
  isLoading: boolean;
  /** Why the latest poll failed; null after a successful poll. */
  error: string | null;
}

/**
 * Reads the agent's health on load, listens to its `status:changed` pushes and polls every 30 s. The agent runs on the kiosk
 * itself, so failing to reach it is unusual; the UI keeps showing what it last knew.
 */
export function useAgentHealth(): AgentHealthState {
  const [state, setState] = useState<AgentHealthState>({
    health: null,
    isLoading: true,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    const poll = async (): Promise<void> => {
      try {
        const health = await fetchAgentHealth(controller.signal);
        setState({ health, isLoading: false, error: null });
      } catch (error: unknown) {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((previous) => ({ health: previous.health, isLoading: false, error: message }));
      }
    };
    void poll();
    // Pushes make the banner and data date change at once; the poll is the safety net.
    const unsubscribe = subscribeAgentStatus((health) =>
      setState({ health, isLoading: false, error: null }),
    );
    const timer = window.setInterval(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
      controller.abort();
    };
  }, []);

  return state;
}

/** Online only when the agent answered just now and says central is reachable. */
export function isKioskOnline(state: AgentHealthState): boolean {
  return state.error === null && state.health?.online === true;
}
