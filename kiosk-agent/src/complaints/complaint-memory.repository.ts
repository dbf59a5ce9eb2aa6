import { ComplaintCategory, PublicTicket } from '@sunshine/contracts';
import type { Database } from '../platform/database';
import type { ComplaintMemory } from './complaints.service';

/** What the kiosk remembers from central about complaints: the categories, and the tickets it has looked up. */
export function createComplaintMemoryRepository(db: Database): ComplaintMemory {
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const getSeen = db.prepare<[string], { data: string }>('SELECT data FROM tickets_seen WHERE ticket_number = ?');
  const getSeenMany = db.prepare<[string], { data: string }>('SELECT data FROM tickets_seen WHERE ticket_number IN (SELECT value FROM json_each(?))');
  const setSeen = db.prepare<[string, string, string]>(
    `INSERT INTO tickets_seen (ticket_number, data, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (ticket_number) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at`,
  );

  return {
    cachedCategories(): ComplaintCategory[] | null {
      const row = getMeta.get('complaint_categories');
      const parsed = ComplaintCategory.array().min(1).safeParse(row ? JSON.parse(row.value) : null);
      return parsed.success ? parsed.data : null;
    },
    saveCategories: (categories) => void setMeta.run('complaint_categories', JSON.stringify(categories)),
    seenTicket(ticketNumber: string): PublicTicket | null {
      const row = getSeen.get(ticketNumber);
      const parsed = PublicTicket.safeParse(row ? JSON.parse(row.data) : null);
      return parsed.success ? parsed.data : null;
    },
    seenTickets(ticketNumbers: string[]): Map<string, PublicTicket> {
      const seen = new Map<string, PublicTicket>();
      if (ticketNumbers.length === 0) return seen;
      for (const row of getSeenMany.all(JSON.stringify(ticketNumbers))) {
        const parsed = PublicTicket.safeParse(JSON.parse(row.data));
        if (parsed.success) seen.set(parsed.data.ticketNumber, parsed.data);
      }
      return seen;
    },
    saveSeenTicket: (ticket, at) => void setSeen.run(ticket.ticketNumber, JSON.stringify(ticket), at.toISOString()),
  };
}
