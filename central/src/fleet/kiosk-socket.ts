import type { AgentToCentralEvents, CentralToAgentEvents, CentralToStaffEvents } from '@sunshine/contracts';
import type { Server } from 'socket.io';
import type { KioskRepository } from './kiosks.repository';
import { authenticateKiosk } from './kiosk-auth';

/** One server, two namespaces: `/kiosk` (agents) and `/staff` (console). */
export type CentralIo = Server<AgentToCentralEvents, CentralToAgentEvents & CentralToStaffEvents>;

/**
 * Kiosks hold an outbound socket.io connection to `/kiosk`, authenticated by their token;
 * it is central's only way to reach a kiosk (a push that starts a pull).
 */
export function attachKioskSocket(io: CentralIo, kiosks: KioskRepository) {
  const namespace = io.of('/kiosk');
  namespace.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    authenticateKiosk(kiosks, typeof token === 'string' ? token : undefined).then(
      (kiosk) => {
        socket.data.kioskNumber = kiosk.kioskNumber;
        next();
      },
      (err: Error) => next(err),
    );
  });
  return {
    notifyPublished(version: number): void {
      namespace.emit('content:published', { version });
    },
    onlineCount(): number {
      return namespace.sockets.size;
    },
    /** Kiosk numbers with a live socket. */
    connectedKiosks(): Set<string> {
      return new Set(Array.from(namespace.sockets.values(), (s) => String(s.data.kioskNumber)));
    },
    /** Drops a revoked kiosk's live connections; its token is refused at the next handshake. */
    disconnectKiosk(kioskNumber: string): void {
      for (const socket of namespace.sockets.values()) if (socket.data.kioskNumber === kioskNumber) socket.disconnect(true);
    },
  };
}
