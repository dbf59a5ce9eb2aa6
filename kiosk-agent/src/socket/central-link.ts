import { ContentPublished, type AgentEnrolment, type AgentToCentralEvents, type CentralToAgentEvents } from '@sunshine/contracts';
import type { Logger } from '@sunshine/service-kit';
import { io, type Socket } from 'socket.io-client';

export interface CentralLink {
  isOnline(): boolean;
  close(): void;
}

/**
 * The kiosk's outbound socket.io connection to central: central's only way to reach it.
 * `content:published` starts a pull; connection state is the kiosk's online state.
 */
export function connectToCentral(options: {
  centralUrl: string;
  enrolment: AgentEnrolment;
  logger: Logger;
  onPublished: (version: number) => void;
  onOnlineChange: (online: boolean) => void;
}): CentralLink {
  const socket: Socket<CentralToAgentEvents, AgentToCentralEvents> = io(new URL('/kiosk', options.centralUrl).toString(), {
    auth: { token: options.enrolment.token },
    transports: ['websocket'],
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
  });
  socket.on('connect', () => options.onOnlineChange(true));
  socket.on('disconnect', () => options.onOnlineChange(false));
  socket.on('connect_error', (err) => options.logger.debug({ err: err.message }, 'central unreachable'));
  socket.on('content:published', (payload) => {
    const parsed = ContentPublished.safeParse(payload);
    if (parsed.success) options.onPublished(parsed.data.version);
  });
  return {
    isOnline: () => socket.connected,
    close: () => socket.close(),
  };
}
