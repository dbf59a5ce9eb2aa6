import { ComplaintCategory, PublicTicket, VillageCode } from '@sunshine/contracts';
import type { Database } from '../platform/database';

const CENTRAL_VILLAGE = 'central_village_code';

/**
 * Small things the kiosk remembers from central: categories, the tickets it has looked up,
 * and the village central named in its last heartbeat answer.
 */
export function createKioskStateRepository(db: Database) {
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const deleteMeta = db.prepare<[string]>('DELETE FROM meta WHERE key = ?');
  const centralVillageCode = (): string | null => {
    const parsed = VillageCode.safeParse(getMeta.get(CENTRAL_VILLAGE)?.value);
    return parsed.success ? parsed.data : null;
  };
  const getSeen = db.prepare<[string], { data: string }>('SELECT data FROM tickets_seen WHERE ticket_number = ?');
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
    saveCategories: (categories: ComplaintCategory[]) => void setMeta.run('complaint_categories', JSON.stringify(categories)),
    seenTicket(ticketNumber: string): PublicTicket | null {
      const row = getSeen.get(ticketNumber);
      const parsed = PublicTicket.safeParse(row ? JSON.parse(row.data) : null);
      return parsed.success ? parsed.data : null;
    },
    saveSeenTicket: (ticket: PublicTicket, at: Date) => void setSeen.run(ticket.ticketNumber, JSON.stringify(ticket), at.toISOString()),
    /** Null until central has answered a heartbeat with a village (or when it named none). */
    centralVillageCode,
    /** Written only when it changes: a heartbeat every 30 s should not cost a synced write. */
    saveCentralVillageCode(villageCode: string | null): void {
      if (villageCode === centralVillageCode()) return;
      if (villageCode === null) deleteMeta.run(CENTRAL_VILLAGE);
      else setMeta.run(CENTRAL_VILLAGE, villageCode);
    },
  };
}
export type KioskStateRepository = ReturnType<typeof createKioskStateRepository>;
