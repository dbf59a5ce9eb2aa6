import { z } from 'zod';
import { IsoDateTime } from './common';
import { ContentPublished, type EventListeners } from './events';
import { ImportStatus } from './imports';
import { TicketStatus } from './tickets';

/** A ticket arrived or moved. */
export const TicketChanged = z.object({ ticketNumber: z.string(), status: TicketStatus });
export type TicketChanged = z.infer<typeof TicketChanged>;

/** An import was staged, approved or rejected. */
export const ImportChanged = z.object({ importId: z.number().int().positive(), status: ImportStatus });
export type ImportChanged = z.infer<typeof ImportChanged>;

/** A kiosk's heartbeat reached central. */
export const KioskHeartbeatSeen = z.object({ kioskNumber: z.string(), at: IsoDateTime });
export type KioskHeartbeatSeen = z.infer<typeof KioskHeartbeatSeen>;

/**
 * socket.io namespace `/staff`: the audience of open staff consoles, authenticated by the
 * session cookie in the handshake. Central announces that something changed, so every open
 * console updates live; a console re-reads what it shows over HTTP. Nothing personal travels
 * here. Every payload has its schema, which the console checks on receipt (`parseStaffEvent`).
 */
export const staffNamespace = {
  path: '/staff',
  /** central → console */
  toStaff: {
    'ticket:changed': TicketChanged,
    'import:changed': ImportChanged,
    'kiosk:heartbeat': KioskHeartbeatSeen,
    'content:published': ContentPublished,
  },
  /** console → central: nothing (actions go over HTTP, where they are authorised and audited). */
  toCentral: {},
} as const;
export type CentralToStaffEvents = EventListeners<typeof staffNamespace.toStaff>;
export type StaffToCentralEvents = EventListeners<typeof staffNamespace.toCentral>;
export type StaffEventName = keyof typeof staffNamespace.toStaff;

export type StaffEventPayload<E extends StaffEventName> = z.output<(typeof staffNamespace.toStaff)[E]>;

const staffEventSchemas: { [E in StaffEventName]: z.ZodType<StaffEventPayload<E>> } = staffNamespace.toStaff;

/** A payload as a console receives it, checked against its event's schema (types do not check data at run time). */
export function parseStaffEvent<E extends StaffEventName>(event: E, payload: unknown): StaffEventPayload<E> {
  return staffEventSchemas[event].parse(payload);
}
