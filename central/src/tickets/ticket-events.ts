import type { TicketStatus } from '@sunshine/contracts';
import { z } from 'zod';

export const TicketEventKind = z.enum(['status', 'note', 'assign', 'reply', 'pause', 'resume']);
export type TicketEventKind = z.infer<typeof TicketEventKind>;

/**
 * One entry of a ticket's event log. Deadlines, the public timeline and the reply are all
 * computed from the log; nothing is kept as a counter.
 */
export interface TicketEvent {
  at: string;
  actor: string;
  kind: TicketEventKind;
  /** For `status`: the new status. */
  status: TicketStatus | null;
  /** Shown to the villager (a status note, or the reply text for `reply`). */
  publicNote: string | null;
  /** Staff only. */
  internalNote: string | null;
  /** For `assign`: the handling unit. */
  handlingUnit: string | null;
}

export const blankEvent = (at: string, actor: string, kind: TicketEvent['kind']): TicketEvent => ({
  at,
  actor,
  kind,
  status: null,
  publicNote: null,
  internalNote: null,
  handlingUnit: null,
});

/** States in which the complainant can still add to a ticket; a kiosk shows them as "already reported". */
export const OPEN_STATUSES: readonly TicketStatus[] = ['received', 'accepted', 'in_progress', 'replied'];

const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  received: ['accepted', 'duplicate', 'not_our_responsibility'],
  accepted: ['in_progress', 'replied', 'duplicate', 'not_our_responsibility'],
  in_progress: ['replied', 'duplicate', 'not_our_responsibility'],
  // A reply the complainant disputes goes back to work.
  replied: ['closed', 'in_progress'],
  closed: [],
  duplicate: [],
  not_our_responsibility: [],
};

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedMoves(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}
