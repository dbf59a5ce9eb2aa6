import type { Db } from './database';

export interface EnrolmentCodeRecord {
  codeHash: string;
  kioskName: string | null;
  expiresAt: string;
  usedAt: string | null;
}

export interface KioskRecord {
  kioskNumber: string;
  name: string;
  revokedAt: string | null;
}

/** Owns kiosks, their hashed tokens and one-time enrolment codes. */
export function createKioskRepository(db: Db) {
  return {
    async createEnrolmentCode(code: { codeHash: string; kioskName: string | null; createdAt: string; expiresAt: string }) {
      await db
        .insertInto('enrolment_codes')
        .values({ code_hash: code.codeHash, kiosk_name: code.kioskName, created_at: code.createdAt, expires_at: code.expiresAt, used_at: null })
        .onConflict((oc) => oc.column('code_hash').doNothing())
        .execute();
    },

    async findEnrolmentCode(codeHash: string): Promise<EnrolmentCodeRecord | null> {
      const row = await db.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return row ? { codeHash, kioskName: row.kiosk_name, expiresAt: row.expires_at, usedAt: row.used_at } : null;
    },

    /**
     * Uses the code and creates the kiosk with the next free number, in one transaction:
     * a code can never enrol two kiosks, even when two requests race.
     */
    async enrolWithCode(codeHash: string, kiosk: { name: string; tokenHash: string; enrolledAt: string }): Promise<string | null> {
      return db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('enrolment_codes')
          .set({ used_at: kiosk.enrolledAt })
          .where('code_hash', '=', codeHash)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (used.numUpdatedRows !== 1n) return null;
        const last = await trx.selectFrom('kiosks').select('kiosk_number').orderBy('kiosk_number', 'desc').limit(1).executeTakeFirst();
        const kioskNumber = String(Number(last?.kiosk_number ?? '0') + 1).padStart(4, '0');
        await trx
          .insertInto('kiosks')
          .values({ kiosk_number: kioskNumber, name: kiosk.name, token_hash: kiosk.tokenHash, enrolled_at: kiosk.enrolledAt, revoked_at: null, last_seen_at: null })
          .execute();
        return kioskNumber;
      });
    },

    async findByTokenHash(tokenHash: string): Promise<KioskRecord | null> {
      const row = await db
        .selectFrom('kiosks')
        .select(['kiosk_number', 'name', 'revoked_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { kioskNumber: row.kiosk_number, name: row.name, revokedAt: row.revoked_at } : null;
    },

    async list(): Promise<{ kioskNumber: string; name: string; enrolledAt: string; revokedAt: string | null; lastSeenAt: string | null }[]> {
      const rows = await db.selectFrom('kiosks').select(['kiosk_number', 'name', 'enrolled_at', 'revoked_at', 'last_seen_at']).orderBy('kiosk_number').execute();
      return rows.map((r) => ({ kioskNumber: r.kiosk_number, name: r.name, enrolledAt: r.enrolled_at, revokedAt: r.revoked_at, lastSeenAt: r.last_seen_at }));
    },

    /** Revokes once; false when the kiosk is unknown or already revoked. */
    async revoke(kioskNumber: string, at: string): Promise<boolean> {
      const result = await db.updateTable('kiosks').set({ revoked_at: at }).where('kiosk_number', '=', kioskNumber).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async touch(kioskNumber: string, at: string): Promise<void> {
      await db.updateTable('kiosks').set({ last_seen_at: at }).where('kiosk_number', '=', kioskNumber).execute();
    },
  };
}
export type KioskRepository = ReturnType<typeof createKioskRepository>;
