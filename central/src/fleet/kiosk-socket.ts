import { AppError, kioskNamespace, type CentralToKioskEvents, type CentralToStaffEvents, type ContentPublished, type KioskToCentralEvents } from '@sunshine/contracts';
import type { Namespace, Server } from 'socket.io';
import type { KioskCredentials } from './fleet.ports';
import { authenticateKiosk } from './kiosk-auth';

/** One server, two audiences: `/kiosk` (agents, typed here) and `/staff` (the console). */
export type CentralIo = Server<KioskToCentralEvents, CentralToKioskEvents & CentralToStaffEvents>;

interface KioskSocketData {
  kioskNumber: string;
}
type KioskNamespace = Namespace<KioskToCentralEvents, CentralToKioskEvents, Record<string, never>, KioskSocketData>;

/** A refusal the agent can switch on: socket.io hands `data` to the client's `connect_error`. */
function handshakeError(err: unknown): Error & { data?: { code: string } } {
  if (err instanceof AppError) return Object.assign(new Error(err.message), { data: { code: err.code } });
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Kiosks hold an outbound socket.io connection to `/kiosk`, authenticated by their token;
 * it is central's only way to reach a kiosk (a push that starts a pull).
 */
export function attachKioskSocket(io: CentralIo, kiosks: KioskCredentials) {
  const namespace: KioskNamespace = io.of(kioskNamespace.path);
  namespace.use((socket, next) => {
    const auth = kioskNamespace.handshakeAuth.safeParse(socket.handshake.auth);
    authenticateKiosk(kiosks, auth.success ? auth.data.token : undefined).then(
      (kiosk) => {
        socket.data.kioskNumber = kiosk.kioskNumber;
        next();
      },
      (err: unknown) => next(handshakeError(err)),
    );
  });
  return {
    notifyPublished(version: number): void {
      // Checked on the way out as the agent checks it on the way in: a bad push would be dropped there unseen.
      const payload: ContentPublished = kioskNamespace.toKiosk['content:published'].parse({ version });
      namespace.emit('content:published', payload);
    },
    onlineCount(): number {
      return namespace.sockets.size;
    },
    /** Kiosk numbers with a live socket. */
    connectedKiosks(): Set<string> {
      return new Set(Array.from(namespace.sockets.values(), (s) => s.data.kioskNumber));
    },
    /** Drops a revoked kiosk's live connections; its token is refused at the next handshake. */
    disconnectKiosk(kioskNumber: string): void {
      for (const socket of namespace.sockets.values()) if (socket.data.kioskNumber === kioskNumber) socket.disconnect(true);
    },
  };
}
