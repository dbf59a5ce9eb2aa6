import { AuditLogPage, AuditLogQuery } from '../audit';
import { AuditVerification } from '../console';
import { defineRoute } from '../route';

/** The hash-chained log of every staff action (admins and inspectors read it). */
export const auditApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/audit',
    summary:
      'One page of the log, newest first: `limit` 1–500 (default 50), `offset` ≥ 0. `?format=csv` answers the same page as a CSV file (UTF-8 with BOM, formula-safe: `id,at,actor,action,target,details,hash`). 400 `bad_request` for a bound',
    access: { kind: 'staff', permission: 'audit:read' },
    query: AuditLogQuery,
    response: AuditLogPage,
  }),
  verify: defineRoute({
    method: 'GET',
    path: '/api/audit/verify',
    summary:
      'Walks the whole chain: `ok` false names the first entry edited or removed (`brokenAt`) and why; also `npm run -w central audit:verify` (exit 1 when broken)',
    access: { kind: 'staff', permission: 'audit:read' },
    response: AuditVerification,
  }),
} as const;
