import type { CentralToStaffEvents } from '@sunshine/contracts';
import type { StaffRepository } from './staff.repository';
import { authenticateStaff } from './staff-auth.service';
import { readCookie, SESSION_COOKIE } from './staff-session';
import type { CentralIo } from '../fleet/kiosk-socket';

export type StaffEvents = { [E in keyof CentralToStaffEvents]: (...args: Parameters<CentralToStaffEvents[E]>) => void };

/**
 * The console's live channel `/staff`: the browser's session cookie authenticates the
 * handshake. Central only announces changes; nothing personal travels here.
 */
export function attachStaffSocket(io: CentralIo, deps: { staff: StaffRepository; now: () => Date }): StaffEvents {
  const namespace = io.of('/staff');
  namespace.use((socket, next) => {
    authenticateStaff(deps, readCookie(socket.handshake.headers.cookie, SESSION_COOKIE)).then(
      () => next(),
      (err: Error) => next(err),
    );
  });
  return {
    'ticket:changed': (payload) => namespace.emit('ticket:changed', payload),
    'import:changed': (payload) => namespace.emit('import:changed', payload),
    'kiosk:heartbeat': (payload) => namespace.emit('kiosk:heartbeat', payload),
    'content:published': (payload) => namespace.emit('content:published', payload),
  };
}
