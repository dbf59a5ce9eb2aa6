import { createAuditRepository } from '../audit/audit.repository';
import { createContentRepository } from '../sync/content.repository';
import type { Db } from './database';
import { createImportRepository } from '../imports/imports.repository';
import { createKioskRepository } from '../fleet/kiosks.repository';
import { createPlaceRepository } from '../fleet/places.repository';
import { createRecordRepository } from '../imports/records.repository';
import { createSettingsRepository } from '../settings/settings.repository';
import { createStaffRepository } from '../staff/staff.repository';
import { createTicketRepository } from '../tickets/tickets.repository';
import type { AuditedWith } from './audited-action';
import { inTransaction } from './transaction';

/** The repositories a staff action reads and writes through, all bound to one transaction. */
function bindRepositories(trx: Db) {
  return {
    audit: createAuditRepository(trx),
    content: createContentRepository(trx),
    imports: createImportRepository(trx),
    kiosks: createKioskRepository(trx),
    places: createPlaceRepository(trx),
    records: createRecordRepository(trx),
    settings: createSettingsRepository(trx),
    staff: createStaffRepository(trx),
    tickets: createTicketRepository(trx),
  };
}
export type Tx = ReturnType<typeof bindRepositories>;

/**
 * Runs an action on repositories bound to one transaction and appends its audit entry,
 * `note(result)`, last in that same transaction (see `AuditedWith`). Central's one SQLite
 * connection is held by the transaction meanwhile.
 */
export type Audited = AuditedWith<Tx>;

export function createAudited(db: Db, now: () => Date): Audited {
  return (fn, note) =>
    inTransaction(db, async (trx) => {
      const tx = bindRepositories(trx);
      const result = await fn(tx);
      await tx.audit.append({ at: now().toISOString(), ...note(result) });
      return result;
    });
}
