import type { ContentPublished } from './events';
import type { ImportStatus } from './imports';
import type { TicketStatus } from './tickets';

// socket.io namespace `/staff` (the console; authenticated by the session cookie):
// central → console, so every open console updates live. Payloads are small "something
// changed" facts; the console re-reads what it shows over HTTP.

export interface CentralToStaffEvents {
  'ticket:changed': (payload: { ticketNumber: string; status: TicketStatus }) => void;
  'import:changed': (payload: { importId: number; status: ImportStatus }) => void;
  'kiosk:heartbeat': (payload: { kioskNumber: string; at: string }) => void;
  'content:published': (payload: ContentPublished) => void;
}
export type StaffToCentralEvents = Record<string, never>;
