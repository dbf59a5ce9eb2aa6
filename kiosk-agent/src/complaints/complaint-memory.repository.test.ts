import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTicketNumber, type PublicTicket } from '@sunshine/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/database';
import { createComplaintMemoryRepository } from './complaint-memory.repository';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-memory-'));
  dirs.push(dir);
  return openDatabase(dir);
}

const ticket = (sequence: number, status: PublicTicket['status']): PublicTicket => ({
  ticketNumber: makeTicketNumber(42, sequence),
  status,
  category: 'subsidy',
  submittedAt: '2026-11-20T08:00:00.000Z',
  expectedReplyBy: null,
  isLate: false,
  timeline: [],
  hasReply: false,
  reply: null,
});

describe('what the kiosk remembers of central’s tickets', () => {
  it('reads the tickets it has heard of among many at once, leaving out the others', () => {
    const db = open();
    const memory = createComplaintMemoryRepository(db);
    memory.saveSeenTicket(ticket(1, 'closed'), new Date());
    memory.saveSeenTicket(ticket(2, 'accepted'), new Date());
    memory.saveSeenTicket(ticket(3, 'replied'), new Date());
    const seen = memory.seenTickets([makeTicketNumber(42, 1), makeTicketNumber(42, 3), makeTicketNumber(42, 9)]);
    expect([...seen].map(([n, t]) => [n, t.status])).toEqual(
      expect.arrayContaining([
        [makeTicketNumber(42, 1), 'closed'],
        [makeTicketNumber(42, 3), 'replied'],
      ]),
    );
    expect(seen.size).toBe(2);
    expect(memory.seenTickets([]).size).toBe(0);
    db.close();
  });
});
