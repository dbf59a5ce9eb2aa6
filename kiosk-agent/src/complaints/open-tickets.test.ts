import { makeTicketNumber } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { mergeOpenTickets } from './open-tickets';

const t = (seq: number, day: number) => ({ ticketNumber: makeTicketNumber(3, seq), submittedAt: `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z` });

describe('open tickets about a subject', () => {
  it('adds this kiosk’s complaints still in the outbox to central’s list, newest first', () => {
    const central = [{ ...t(1, 10), status: 'accepted' as const }];
    const merged = mergeOpenTickets(central, [{ ...t(1, 10), state: 'delivered' }, { ...t(2, 12), state: 'pending' }], () => null);
    expect(merged.map((m) => [m.ticketNumber, m.status])).toEqual([
      [makeTicketNumber(3, 2), 'received'],
      [makeTicketNumber(3, 1), 'accepted'],
    ]);
  });

  it('offline, lists its own complaints still open as far as it last knew', () => {
    const own = [{ ...t(1, 10), state: 'delivered' as const }, { ...t(2, 11), state: 'delivered' as const }, { ...t(3, 12), state: 'failed' as const }];
    const merged = mergeOpenTickets(null, own, (n) => (n === makeTicketNumber(3, 2) ? 'closed' : null));
    expect(merged.map((m) => m.ticketNumber)).toEqual([makeTicketNumber(3, 1)]);
  });
});
