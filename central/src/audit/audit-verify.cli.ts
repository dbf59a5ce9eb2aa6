import { loadConfig } from '../config';
import { createAuditRepository } from './audit.repository';
import { openDatabase } from '../platform/database';
import { verifyAuditChain, type ChainedAuditEntry } from './audit-chain';

// `npm run -w central audit:verify` (CENTRAL_DATA_DIR selects the store): exits 1 when the
// audit chain is broken, naming the first entry that was edited or removed.
const config = loadConfig();
const db = await openDatabase(config.dataDir);
const entries: ChainedAuditEntry[] = [];
for await (const e of createAuditRepository(db).streamAll()) entries.push(e);
await db.destroy();
const verdict = verifyAuditChain(entries);
if (verdict.ok) {
  process.stdout.write(`audit log intact: ${verdict.entries} entries\n`);
} else {
  process.stdout.write(`audit log BROKEN at entry ${verdict.brokenAt}: ${verdict.reason}\n`);
  process.exitCode = 1;
}
