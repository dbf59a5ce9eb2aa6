import { PrinterState, type Heartbeat } from '@sunshine/contracts';
import { z } from 'zod';
import type { Db } from '../platform/database';
import type { Selectable } from 'kysely';
import type { HeartbeatTable } from '../platform/schema';

export interface StoredHeartbeat extends Heartbeat {
  kioskNumber: string;
  receivedAt: string;
}

/** Owns kiosk heartbeats; the latest one per kiosk is its last known state. */
export function createHeartbeatRepository(db: Db) {
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

    /** The newest `limit` heartbeats of a kiosk, newest first. */
    async recent(kioskNumber: string, limit: number): Promise<StoredHeartbeat[]> {
      const rows = await db.selectFrom('heartbeats').selectAll().where('kiosk_number', '=', kioskNumber).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toHeartbeat);
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
export type HeartbeatRepository = ReturnType<typeof createHeartbeatRepository>;

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
        usage: z.record(z.string(), z.number()).parse(JSON.parse(row.usage)),
      };
}
