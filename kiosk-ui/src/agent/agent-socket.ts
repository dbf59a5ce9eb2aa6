import { AgentHealth, type AgentToUiEvents, type UiToAgentEvents } from '@sunshine/contracts';
import { io, type Socket } from 'socket.io-client';

/**
 * Subscribes to the agent's `status:changed` pushes. Payloads are validated on receipt;
 * a malformed one is dropped (the 30 s poll still corrects the screen).
 * Returns the unsubscribe function.
 */
export function subscribeAgentStatus(onHealth: (health: AgentHealth) => void): () => void {
  const socket: Socket<AgentToUiEvents, UiToAgentEvents> = io({
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 10_000,
  });
  socket.on('status:changed', (payload: unknown) => {
    const parsed = AgentHealth.safeParse(payload);
    if (parsed.success) onHealth(parsed.data);
  });
  return () => {
    socket.removeAllListeners();
    socket.disconnect();
  };
}
