import { makeTicketNumber, type PublicTicket } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { followTicket, type CentralTicket, type FollowTicketDeps, type OwnTicket } from './follow-ticket';

const number = makeTicketNumber(42, 123);
const own: OwnTicket = { pin: '4321', category: 'subsidy', submittedAt: '2026-11-20T08:00:00.000Z', state: 'delivered' };
const publicTicket: PublicTicket = {
  ticketNumber: number,
  status: 'replied',
  category: 'subsidy',
  submittedAt: own.submittedAt,
  expectedReplyBy: null,
  isLate: false,
  timeline: [],
  hasReply: true,
  reply: '已核实并补发',
};

function deps(central: CentralTicket | 'offline', mine: OwnTicket | null, seen: PublicTicket | null = null) {
  const remembered: PublicTicket[] = [];
  const d: FollowTicketDeps = {
    fromCentral: () => (central === 'offline' ? Promise.reject(new Error('down')) : Promise.resolve(central)),
    own: () => mine,
    seen: () => seen,
    remember: (t) => void remembered.push(t),
  };
  return { d, remembered };
}

describe('following a ticket', () => {
  it('refuses a number whose check digit is wrong', async () => {
    const typo = number.slice(0, 11) + String((Number(number[11]) + 1) % 10);
    await expect(followTicket(deps('offline', null).d, typo, undefined)).rejects.toMatchObject({ code: 'invalid_ticket_number' });
  });

  it('answers from central and remembers it without the reply when the ticket is another kiosk’s', async () => {
    const { d, remembered } = deps({ kind: 'found', ticket: publicTicket }, null);
    await expect(followTicket(d, number, undefined)).resolves.toMatchObject({ source: 'central', pendingDelivery: false });
    expect(remembered[0]?.reply).toBeNull();
  });

  it('shows the remembered reply offline only with the right PIN of its own ticket', async () => {
    const withPin = await followTicket(deps('offline', own, publicTicket).d, number, '4321');
    expect(withPin).toMatchObject({ source: 'kiosk', reply: '已核实并补发' });
    const withoutPin = await followTicket(deps('offline', own, publicTicket).d, number, undefined);
    expect(withoutPin).toMatchObject({ reply: null, hasReply: true, status: 'replied' });
    await expect(followTicket(deps('offline', own, publicTicket).d, number, '0000')).rejects.toMatchObject({ code: 'wrong_pin' });
  });

  it('passes on central’s wrong PIN and its limit on PIN guesses as pin_locked', async () => {
    await expect(followTicket(deps({ kind: 'wrong_pin', message: 'x' }, null).d, number, '1111')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(followTicket(deps({ kind: 'rate_limited' }, own, publicTicket).d, number, '4321')).rejects.toMatchObject({ code: 'pin_locked' });
  });

  it('tells about its own complaint still in the outbox even when central does not know it yet', async () => {
    const pending = { ...own, state: 'pending' as const };
    const ticket = await followTicket(deps({ kind: 'not_found' }, pending).d, number, undefined);
    expect(ticket).toMatchObject({ status: 'received', pendingDelivery: true, source: 'kiosk' });
  });

  it('answers unknown_ticket only when central says so, and unreachable otherwise', async () => {
    await expect(followTicket(deps({ kind: 'not_found' }, null).d, number, undefined)).rejects.toMatchObject({ code: 'unknown_ticket' });
    await expect(followTicket(deps('offline', null).d, number, undefined)).rejects.toMatchObject({ code: 'central_unreachable' });
  });
});
