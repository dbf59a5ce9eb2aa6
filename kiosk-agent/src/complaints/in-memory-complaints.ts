import type { ComplaintCategory, ComplaintIntake, PublicTicket } from '@sunshine/contracts';
import type { ComplaintMemory, Outbox, OutboxState, OwnComplaint } from './complaints.service';

/**
 * In-memory twins of the complaint ports, for use-case tests: the outbox numbers complaints
 * 1, 2, 3… as the SQLite one does (a failed build stores nothing and takes no number).
 */
export function inMemoryOutbox() {
  const rows: (OwnComplaint & { intake: ComplaintIntake })[] = [];
  const outbox: Outbox & { setState(ticketNumber: string, state: OutboxState): void; all(): ComplaintIntake[] } = {
    add(build) {
      const intake = build(rows.length + 1);
      rows.push({ ...intake, state: 'pending', lastError: null, intake });
      return intake;
    },
    get: (ticketNumber) => rows.find((r) => r.ticketNumber === ticketNumber) ?? null,
    about: (kind, id) =>
      rows
        .filter((r) => r.intake.subject?.kind === kind && r.intake.subject.id === id)
        .reverse()
        .map((r) => ({ ticketNumber: r.ticketNumber, submittedAt: r.submittedAt, state: r.state })),
    counts() {
      const out: Record<OutboxState, number> = { pending: 0, delivered: 0, failed: 0 };
      for (const r of rows) out[r.state]++;
      return out;
    },
    setState(ticketNumber, state) {
      const row = rows.find((r) => r.ticketNumber === ticketNumber);
      if (row) row.state = state;
    },
    all: () => rows.map((r) => r.intake),
  };
  return outbox;
}

export function inMemoryComplaintMemory(): ComplaintMemory {
  let categories: ComplaintCategory[] | null = null;
  const seen = new Map<string, PublicTicket>();
  return {
    cachedCategories: () => categories,
    saveCategories: (next) => void (categories = next),
    seenTicket: (ticketNumber) => seen.get(ticketNumber) ?? null,
    seenTickets: (ticketNumbers) => new Map([...seen].filter(([n]) => ticketNumbers.includes(n))),
    saveSeenTicket: (ticket) => void seen.set(ticket.ticketNumber, ticket),
  };
}
