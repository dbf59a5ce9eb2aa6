import { auditApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import { sendCsv } from '../statistics/csv';
import { listAuditLog, verifyAuditLog, type AuditLogReader } from './audit-log.service';

/** The audit log for admins and inspectors: one page of it (JSON or CSV), and the check of its chain. */
export function auditRoutes(mount: CentralMount, deps: { audit: AuditLogReader }): Router {
  const router = Router();
  mount(router, auditApi.list, async ({ query }, _req, res) => {
    const page = await listAuditLog(deps, query);
    if (query.format === 'json') return page;
    // Details as the JSON text the chain hashes.
    const rows = page.items.map((e) => ({ ...e, details: JSON.stringify(e.details) }));
    sendCsv(res, 'audit', rows, ['id', 'at', 'actor', 'action', 'target', 'details', 'hash']);
    return undefined;
  });
  mount(router, auditApi.verify, () => verifyAuditLog(deps));
  return router;
}
