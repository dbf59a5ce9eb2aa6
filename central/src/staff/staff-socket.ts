import { AppError, staffNamespace, type CentralToStaffEvents } from '@sunshine/contracts';
import type { CentralIo } from '../fleet/kiosk-socket';
import { authenticateStaff } from './staff-auth.service';
import { readCookie, SESSION_COOKIE } from './staff-session';
import type { StaffAccountReader } from './staff.ports';

/** Announces a change to every open console: one function per event of `staffNamespace`. */
export type StaffEvents = { [E in keyof CentralToStaffEvents]: (...args: Parameters<CentralToStaffEvents[E]>) => void };

/** A refused handshake: the console gets the message and, in `data.code`, the error code to switch on. */
function handshakeError(err: unknown): Error {
  if (!(err instanceof AppError)) return err instanceof Error ? err : new Error(String(err));
  return Object.assign(new Error(err.message), { data: { code: err.code } });
}

/**
 * The console's live channel `/staff`: the browser's session cookie authenticates the
 * handshake (401 `unauthorized` without one, `session_expired` when it has ended). Central
 * only announces changes; nothing personal travels here.
 */
export function attachStaffSocket(io: CentralIo, deps: { staff: Pick<StaffAccountReader, 'findSession'>; now: () => Date }): StaffEvents {
  const namespace = io.of(staffNamespace.path);
  namespace.use((socket, next) => {
    authenticateStaff(deps, readCookie(socket.handshake.headers.cookie, SESSION_COOKIE)).then(
      () => next(),
      (err: unknown) => next(handshakeError(err)),
    );
  });
  return {
    'ticket:changed': (payload) => namespace.emit('ticket:changed', payload),
    'import:changed': (payload) => namespace.emit('import:changed', payload),
    'kiosk:heartbeat': (payload) => namespace.emit('kiosk:heartbeat', payload),
    'content:published': (payload) => namespace.emit('content:published', payload),
  };
}
