import type { Db } from '../platform/database';
import type { EnrolmentCodeTable, KioskTable } from '../platform/schema';
import { inTransaction } from '../platform/transaction';
import type { EnrolmentCodeRecord, EnrolmentCodeStore, KioskCredentials, KioskListItem, KioskRecord, KioskStore } from './fleet.ports';

const toEnrolmentCode = (r: EnrolmentCodeTable): EnrolmentCodeRecord => ({
  codeHash: r.code_hash,
  kioskName: r.kiosk_name,
  villageCode: r.village_code,
  kioskNumber: r.kiosk_number,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

const toKiosk = (r: KioskTable): KioskListItem => ({
  kioskNumber: r.kiosk_number,
  name: r.name,
  villageCode: r.village_code,
  enrolledAt: r.enrolled_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
});

export interface KioskRepository extends KioskStore, EnrolmentCodeStore, KioskCredentials {}

/** Owns kiosks, their hashed tokens and one-time enrolment codes. */
export function createKioskRepository(db: Db): KioskRepository {
  return {
    async createEnrolmentCode(code: Omit<EnrolmentCodeRecord, 'usedAt'> & { createdAt: string }) {
      await db
        .insertInto('enrolment_codes')
        .values({
          code_hash: code.codeHash,
          kiosk_name: code.kioskName,
          village_code: code.villageCode,
          kiosk_number: code.kioskNumber,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          used_at: null,
        })
        .onConflict((oc) => oc.column('code_hash').doNothing())
        .execute();
    },

    async findEnrolmentCode(codeHash: string): Promise<EnrolmentCodeRecord | null> {
      const row = await db.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return row ? toEnrolmentCode(row) : null;
    },

    /**
     * Uses the code and creates the kiosk with the next free number, in one transaction:
     * a code can never enrol two kiosks, even when two requests race.
     */
    async enrolWithCode(codeHash: string, kiosk: { name: string; villageCode: string | null; tokenHash: string; enrolledAt: string }): Promise<string | null> {
      return inTransaction(db, async (trx) => {
        if (!(await useCode(trx, codeHash, kiosk.enrolledAt))) return null;
        const last = await trx.selectFrom('kiosks').select('kiosk_number').orderBy('kiosk_number', 'desc').limit(1).executeTakeFirst();
        const kioskNumber = String(Number(last?.kiosk_number ?? '0') + 1).padStart(4, '0');
        await trx
          .insertInto('kiosks')
          .values({ kiosk_number: kioskNumber, name: kiosk.name, village_code: kiosk.villageCode, token_hash: kiosk.tokenHash, enrolled_at: kiosk.enrolledAt, revoked_at: null, last_seen_at: null })
          .execute();
        return kioskNumber;
      });
    },

    /**
     * Uses a re-enrolment code and gives its kiosk a new token, in one transaction: the old
     * token hash is replaced (that token stops working) and a revocation is lifted. The
     * kiosk keeps its number, so tickets already in its outbox are still its own.
     */
    async reEnrolWithCode(codeHash: string, kiosk: { kioskNumber: string; name: string | null; tokenHash: string; enrolledAt: string }): Promise<KioskRecord | null> {
      return inTransaction(db, async (trx) => {
        if (!(await useCode(trx, codeHash, kiosk.enrolledAt))) return null;
        const updated = await trx
          .updateTable('kiosks')
          .set((eb) => ({ token_hash: kiosk.tokenHash, enrolled_at: kiosk.enrolledAt, revoked_at: null, name: kiosk.name ?? eb.ref('name') }))
          .where('kiosk_number', '=', kiosk.kioskNumber)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw new Error(`re-enrolment code names kiosk ${kiosk.kioskNumber}, which does not exist`);
        return toKiosk(updated);
      });
    },

    async find(kioskNumber: string): Promise<KioskListItem | null> {
      const row = await db.selectFrom('kiosks').selectAll().where('kiosk_number', '=', kioskNumber).executeTakeFirst();
      return row ? toKiosk(row) : null;
    },

    async findByTokenHash(tokenHash: string): Promise<KioskRecord | null> {
      const row = await db.selectFrom('kiosks').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toKiosk(row) : null;
    },

    async list(): Promise<KioskListItem[]> {
      return (await db.selectFrom('kiosks').selectAll().orderBy('kiosk_number').execute()).map(toKiosk);
    },

    /** Moves a kiosk to another village; false when the kiosk is unknown. */
    async moveToVillage(kioskNumber: string, villageCode: string): Promise<boolean> {
      const result = await db.updateTable('kiosks').set({ village_code: villageCode }).where('kiosk_number', '=', kioskNumber).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Revokes once; false when the kiosk is unknown or already revoked. */
    async revoke(kioskNumber: string, at: string): Promise<boolean> {
      const result = await db.updateTable('kiosks').set({ revoked_at: at }).where('kiosk_number', '=', kioskNumber).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

/** Marks a code used unless it already is: of two racing requests, one wins. */
async function useCode(trx: Db, codeHash: string, at: string): Promise<boolean> {
  const used = await trx.updateTable('enrolment_codes').set({ used_at: at }).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
  return used.numUpdatedRows === 1n;
}
