import type { AgentToCentralEvents, CentralToAgentEvents } from '@sunshine/contracts';
import type { Server } from 'socket.io';
import type { KioskRepository } from '../db/kiosks.repository';
import { authenticateKiosk } from '../http/kiosk-auth';

export type CentralIo = Server<AgentToCentralEvents, CentralToAgentEvents>;

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
  };
}
