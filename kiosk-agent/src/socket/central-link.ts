import { kioskNamespace, type AgentEnrolment, type CentralToKioskEvents, type KioskHandshakeAuth, type KioskToCentralEvents } from '@sunshine/contracts';
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
  const auth: KioskHandshakeAuth = { token: options.enrolment.token };
  const socket: Socket<CentralToKioskEvents, KioskToCentralEvents> = io(new URL(kioskNamespace.path, options.centralUrl).toString(), {
    auth,
    transports: ['websocket'],
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
  });
  socket.on('connect', () => options.onOnlineChange(true));
  socket.on('disconnect', () => options.onOnlineChange(false));
  socket.on('connect_error', (err) => options.logger.debug({ err: err.message }, 'central unreachable'));
  socket.on('content:published', (payload) => {
    // Checked on receipt: the type says what central should send, not what arrived.
    const parsed = kioskNamespace.toKiosk['content:published'].safeParse(payload);
    if (parsed.success) options.onPublished(parsed.data.version);
    else options.logger.warn({ payload }, 'central pushed content:published with a payload this agent cannot read');
  });
  return {
    isOnline: () => socket.connected,
    close: () => socket.close(),
  };
}
