import { PrinterState, type Heartbeat } from '@sunshine/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../platform/database';
import type { HeartbeatTable } from '../platform/schema';
import type { HeartbeatStore, StoredHeartbeat } from './fleet.ports';

// SQLite allows 32766 bound parameters; 500 kiosks a query stays far below.
const BATCH = 500;

const Usage = z.record(z.string(), z.number());

function toHeartbeat(row: Selectable<HeartbeatTable>): StoredHeartbeat {
  return {
    kioskNumber: row.kiosk_number,
    receivedAt: row.received_at,
    sentAt: row.sent_at,
    dataVersion: row.data_version,
    outboxPending: row.outbox_pending,
    printer: { state: PrinterState.parse(row.printer_state) },
    uptimeSeconds: row.uptime_seconds,
    diskFreeBytes: row.disk_free_bytes,
    lastSyncError: row.last_sync_error,
    usage: Usage.parse(JSON.parse(row.usage)),
  };
}

export interface HeartbeatRepository extends HeartbeatStore {
  /** Deletes heartbeats received before `before`; answers how many. */
  pruneBefore(before: string): Promise<number>;
}

/** Owns kiosk heartbeats; the latest one per kiosk is its last known state. */
export function createHeartbeatRepository(db: Db): HeartbeatRepository {
  return {
    /** Stores the heartbeat and marks the kiosk seen, in one transaction. */
    async record(kioskNumber: string, receivedAt: string, hb: Heartbeat): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('heartbeats')
          .values({
            kiosk_number: kioskNumber,
            received_at: receivedAt,
            sent_at: hb.sentAt,
            data_version: hb.dataVersion,
            outbox_pending: hb.outboxPending,
            printer_state: hb.printer.state,
            uptime_seconds: hb.uptimeSeconds,
            disk_free_bytes: hb.diskFreeBytes,
            last_sync_error: hb.lastSyncError,
            usage: JSON.stringify(hb.usage),
          })
          .execute();
        await trx.updateTable('kiosks').set({ last_seen_at: receivedAt }).where('kiosk_number', '=', kioskNumber).execute();
      });
    },

    /**
     * The newest `limit` heartbeats of each kiosk, newest first, in one statement per 500
     * kiosks. Each kiosk's rows are found through the (kiosk_number, id) index from its
     * newest down, so the cost does not grow with the 90 days of history kept.
     */
    async latestByKiosk(kioskNumbers: readonly string[], limit: number): Promise<Map<string, StoredHeartbeat[]>> {
      const latest = new Map<string, StoredHeartbeat[]>();
      const wanted = [...new Set(kioskNumbers)];
      for (let i = 0; i < wanted.length; i += BATCH) {
        const rows = await db
          .selectFrom('kiosks as k')
          .innerJoin('heartbeats as h', (join) =>
            join.on('h.id', 'in', (eb) => eb.selectFrom('heartbeats as r').select('r.id').whereRef('r.kiosk_number', '=', 'k.kiosk_number').orderBy('r.id', 'desc').limit(limit)),
          )
          .selectAll('h')
          .where('k.kiosk_number', 'in', wanted.slice(i, i + BATCH))
          .orderBy('h.kiosk_number')
          .orderBy('h.id', 'desc')
          .execute();
        for (const row of rows) {
          const beats = latest.get(row.kiosk_number) ?? [];
          if (beats.length === 0) latest.set(row.kiosk_number, beats);
          beats.push(toHeartbeat(row));
        }
      }
      return latest;
    },

    /** Deletes heartbeats received before `before`; answers how many. */
    async pruneBefore(before: string): Promise<number> {
      const result = await db.deleteFrom('heartbeats').where('received_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** When each heartbeat since `from` arrived, oldest first. */
    async receivedSince(kioskNumber: string, from: string): Promise<string[]> {
      const rows = await db.selectFrom('heartbeats').select('received_at').where('kiosk_number', '=', kioskNumber).where('received_at', '>=', from).orderBy('id').execute();
      return rows.map((r) => r.received_at);
    },
  };
}
