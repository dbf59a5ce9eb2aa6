import { AppError, type AuditVerification, CreateStaffRequest, UpdateStaffRequest, StaffPageQuery, type AuditLogEntry, type StaffSession } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import { toCsv } from '../statistics/statistics.service';
import { verifyAuditChain, type ChainedAuditEntry } from '../audit/audit-chain';
import { hashPassword } from './passwords';
import { toSession } from './staff-auth.service';
import { currentStaff, requireStaff, type StaffHttpDeps } from './staff-session';

/** Staff accounts (admin) and the audit log (admin, inspector). */
export function staffRoutes(deps: StaffHttpDeps): Router {
  const router = Router();
  router.get('/api/staff', requireStaff(deps, 'staff:manage'), async (_req, res) => {
    const body: StaffSession[] = (await deps.staff.list()).map(toSession);
    res.json(body);
  });

  router.post('/api/staff', requireStaff(deps, 'staff:manage'), async (req, res) => {
    const request = parseInput(CreateStaffRequest, req.body);
    const account = { username: request.username, displayName: request.displayName, role: request.role, department: request.department };
    const passwordHash = await hashPassword(request.password);
    await deps.audited(
      async (tx) => {
        if (!(await tx.staff.create({ ...account, passwordHash, createdAt: deps.now().toISOString() }))) throw new AppError('conflict', `用户名 ${request.username} 已存在`);
      },
      () => ({ actor: currentStaff(res).username, action: 'staff.create', target: request.username, details: { role: request.role, department: request.department } }),
    );
    res.status(201).json(account);
  });

  router.patch('/api/staff/:username', requireStaff(deps, 'staff:manage'), async (req, res) => {
    const request = parseInput(UpdateStaffRequest, req.body);
    const username = String(req.params.username);
    const account = await deps.staff.find(username);
    if (!account) throw new AppError('not_found', `没有用户 ${username}`);
    if (request.disabled && username === currentStaff(res).username) throw new AppError('conflict', '不能停用自己的账号');
    const passwordHash = request.password ? await hashPassword(request.password) : null;
    await deps.audited(
      async (tx) => {
        if (passwordHash) await tx.staff.setPassword(username, passwordHash);
        if (request.disabled !== undefined) await tx.staff.setDisabled(username, request.disabled ? deps.now().toISOString() : null);
      },
      () => ({ actor: currentStaff(res).username, action: 'staff.update', target: username, details: { passwordReset: passwordHash !== null, disabled: request.disabled } }),
    );
    res.status(204).end();
  });

  router.get('/api/audit', requireStaff(deps, 'audit:read'), async (req, res) => {
    const page = parseInput(StaffPageQuery.extend({ format: z.enum(['json', 'csv']).default('json') }), req.query);
    const { items, total } = await deps.audit.list(page);
    if (page.format === 'json') return void res.json({ items: items.map(toAuditLogEntry), total });
    res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit.csv"' });
    res.send(toCsv(items, ['id', 'at', 'actor', 'action', 'target', 'details', 'hash']));
  });

  router.get('/api/audit/verify', requireStaff(deps, 'audit:read'), async (_req, res) => {
    const entries: ChainedAuditEntry[] = [];
    for await (const e of deps.audit.streamAll()) entries.push(e);
    const body: AuditVerification = verifyAuditChain(entries);
    res.json(body);
  });
  return router;
}

function toAuditLogEntry(e: ChainedAuditEntry): AuditLogEntry {
  return { id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target, details: JSON.parse(e.details), hash: e.hash };
}
