import { loadConfig } from '../config';
import { openDatabase } from '../platform/database';
import { verifyAuditLog } from './audit-log.service';
import { createAuditRepository } from './audit.repository';

// `npm run -w central audit:verify` (CENTRAL_DATA_DIR selects the store): exits 1 when the
// audit chain is broken, naming the first entry that was edited or removed.
const config = loadConfig();
const db = await openDatabase(config.dataDir);
const verdict = await verifyAuditLog({ audit: createAuditRepository(db) }).finally(() => db.destroy());
if (verdict.ok) {
  process.stdout.write(`audit log intact: ${verdict.entries} entries\n`);
} else {
  process.stdout.write(`audit log BROKEN at entry ${verdict.brokenAt}: ${verdict.reason}\n`);
  process.exitCode = 1;
}
