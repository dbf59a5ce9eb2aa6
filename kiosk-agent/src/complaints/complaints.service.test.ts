import { DEFAULT_COMPLAINT_CATEGORIES, makeTicketNumber, type PublicTicket } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import type { CentralTicket } from './follow-ticket';
import { createComplaintsService, type CentralComplaints } from './complaints.service';
import { inMemoryComplaintMemory, inMemoryOutbox } from './in-memory-complaints';

const NOW = new Date('2026-11-26T02:30:00.000Z');

/** Central as complaints reach it: `tickets` answers lookups, and each lookup is counted. */
function centralWith(tickets: Record<string, PublicTicket>) {
  const asked: string[] = [];
  const central: CentralComplaints = {
    async getTicket(ticketNumber): Promise<CentralTicket> {
      asked.push(ticketNumber);
      const ticket = tickets[ticketNumber];
      return ticket ? { kind: 'found', ticket } : { kind: 'not_found' };
    },
    openTickets: async () => [],
    complaintCategories: async () => DEFAULT_COMPLAINT_CATEGORIES,
  };
  return { central, asked };
}

function service(kioskNumber: string | null, central: CentralComplaints | null = null) {
  const outbox = inMemoryOutbox();
  const memory = inMemoryComplaintMemory();
  const complaints = createComplaintsService({ kioskNumber, outbox, memory, central, now: () => NOW, onQueued: () => undefined });
  return { complaints, outbox, memory };
}

const publicTicket = (ticketNumber: string, expectedReplyBy: string | null): PublicTicket => ({
  ticketNumber,
  status: 'received',
  category: 'subsidy',
  submittedAt: NOW.toISOString(),
  expectedReplyBy,
  isLate: false,
  timeline: [],
  hasReply: false,
  reply: null,
});

describe('complaints at the kiosk', () => {
  it('refuses a complaint on a kiosk that is not enrolled with kiosk_not_enrolled, storing nothing', () => {
    const { complaints, outbox } = service(null);
    expect(() => complaints.submit({ category: 'subsidy', text: '低保没发' })).toThrow(expect.objectContaining({ code: 'kiosk_not_enrolled' }));
    expect(outbox.all()).toEqual([]);
  });

  it('refuses a category the kiosk does not offer with unknown_category, storing nothing', () => {
    const { complaints, outbox } = service('0042');
    expect(() => complaints.submit({ category: 'weather', text: '下雨' })).toThrow(expect.objectContaining({ code: 'unknown_category' }));
    expect(outbox.all()).toEqual([]);
  });

  it('numbers complaints from the kiosk number and its own sequence', () => {
    const { complaints } = service('0042');
    const first = complaints.submit({ category: 'subsidy', text: '低保没发' });
    const second = complaints.submit({ category: 'other', text: '路灯坏了' });
    expect([first.ticketNumber, second.ticketNumber]).toEqual([makeTicketNumber(42, 1), makeTicketNumber(42, 2)]);
    expect(complaints.counts()).toEqual({ pending: 2, delivered: 0, failed: 0 });
  });

  it("gives a delivered complaint's receipt central's reply-by date, asking central once", async () => {
    const number = makeTicketNumber(42, 1);
    const { central, asked } = centralWith({ [number]: publicTicket(number, '2026-12-10') });
    const { complaints, outbox } = service('0042', central);
    complaints.submit({ category: 'subsidy', text: '低保没发' });
    outbox.setState(number, 'delivered');
    expect(await complaints.receipt(`${number.slice(0, 4)} ${number.slice(4)}`)).toMatchObject({
      ticketNumber: number,
      categoryName: '补贴发放',
      expectedReplyBy: '2026-12-10',
      isPendingDelivery: false,
    });
    expect((await complaints.receipt(number))?.expectedReplyBy).toBe('2026-12-10');
    expect(asked).toEqual([number]);
  });

  it('gives a complaint still in the outbox no reply-by date, without asking central', async () => {
    const number = makeTicketNumber(42, 1);
    const { central, asked } = centralWith({ [number]: publicTicket(number, '2026-12-10') });
    const { complaints } = service('0042', central);
    complaints.submit({ category: 'subsidy', text: '低保没发' });
    expect(await complaints.receipt(number)).toMatchObject({ expectedReplyBy: null, isPendingDelivery: true });
    expect(asked).toEqual([]);
  });

  it('has no receipt for a ticket another kiosk holds', async () => {
    const { complaints } = service('0042');
    expect(await complaints.receipt(makeTicketNumber(7, 1))).toBeNull();
  });
});
