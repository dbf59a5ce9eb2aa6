import { AppError, CreateEnrolmentCodeRequest, type CreatedEnrolmentCode, type FleetKiosk } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { ContentRepository } from '../db/content.repository';
import type { HeartbeatRepository } from '../db/heartbeats.repository';
import type { KioskRepository } from '../db/kiosks.repository';
import { createEnrolmentCode, newEnrolmentCode } from '../domain/enrolment';
import { fleetAlerts, isOnline, onlineSpans, type OpeningHours } from '../domain/fleet';
import { toCsv } from '../domain/statistics';
import { auditAction, currentStaff, requireStaff, type StaffHttpDeps } from './staff-session';

export interface FleetDeps extends StaffHttpDeps {
  kiosks: KioskRepository;
  heartbeats: HeartbeatRepository;
  content: ContentRepository;
  openingHours: OpeningHours;
  connectedKiosks: () => Set<string>;
  disconnectKiosk: (kioskNumber: string) => void;
}

const KioskParam = z.object({ kioskNumber: z.string().regex(/^\d{4}$/) });
const HistoryQuery = z.object({ hours: z.coerce.number().int().min(1).max(24 * 31).default(24) });

/** The fleet screen: status per kiosk, on/offline history, revoke, and one-time enrolment codes. */
export function fleetRoutes(deps: FleetDeps): Router {
  const router = Router();
  router.get('/api/fleet/kiosks', requireStaff(deps, 'fleet:read'), async (req, res) => {
    const { format } = parseInput(z.object({ format: z.enum(['json', 'csv']).default('json') }), req.query);
    const latest = (await deps.content.latestVersion())?.version ?? 0;
    const connected = deps.connectedKiosks();
    const now = deps.now();
    const body: FleetKiosk[] = [];
    for (const k of await deps.kiosks.list()) {
      const recent = await deps.heartbeats.recent(k.kioskNumber, 3);
      const hb = recent[0];
      const online = !k.revokedAt && isOnline(k.lastSeenAt, now, connected.has(k.kioskNumber));
      body.push({
        ...k,
        online,
        dataVersion: hb?.dataVersion ?? null,
        versionLag: hb ? Math.max(0, latest - hb.dataVersion) : null,
        printerState: hb?.printer.state ?? null,
        outboxPending: hb?.outboxPending ?? null,
        diskFreeBytes: hb?.diskFreeBytes ?? null,
        lastSyncError: hb?.lastSyncError ?? null,
        alerts: k.revokedAt ? [] : fleetAlerts(recent, online, now, deps.openingHours),
      });
    }
    if (format === 'csv') {
      const rows = body.map((k) => ({ ...k, alerts: k.alerts.map((a) => a.message).join('；') }));
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="kiosks.csv"' });
      res.send(toCsv(rows, ['kioskNumber', 'name', 'online', 'lastSeenAt', 'dataVersion', 'versionLag', 'printerState', 'outboxPending', 'diskFreeBytes', 'lastSyncError', 'revokedAt', 'alerts']));
      return;
    }
    res.json(body);
  });

  router.get('/api/fleet/kiosks/:kioskNumber/history', requireStaff(deps, 'fleet:read'), async (req, res) => {
    const { kioskNumber } = parseInput(KioskParam, req.params);
    const { hours } = parseInput(HistoryQuery, req.query);
    const now = deps.now();
    const from = new Date(now.getTime() - hours * 3_600_000);
    res.json(onlineSpans(await deps.heartbeats.receivedSince(kioskNumber, from.toISOString()), from, now));
  });

  router.post('/api/fleet/kiosks/:kioskNumber/revoke', requireStaff(deps, 'fleet:manage'), async (req, res) => {
    const { kioskNumber } = parseInput(KioskParam, req.params);
    if (!(await deps.kiosks.revoke(kioskNumber, deps.now().toISOString()))) throw new AppError('not_found', '没有这台一体机，或它已被停用');
    deps.disconnectKiosk(kioskNumber);
    await auditAction(deps, currentStaff(res), 'kiosk.revoke', kioskNumber);
    res.status(204).end();
  });

  router.post('/api/fleet/enrolment-codes', requireStaff(deps, 'fleet:manage'), async (req, res) => {
    const request = parseInput(CreateEnrolmentCodeRequest, req.body);
    const code = newEnrolmentCode();
    await createEnrolmentCode(deps, code, { kioskName: request.kioskName, ttlHours: request.ttlHours });
    const expiresAt = new Date(deps.now().getTime() + request.ttlHours * 3_600_000).toISOString();
    await auditAction(deps, currentStaff(res), 'kiosk.enrolment-code', request.kioskName ?? null, { ttlHours: request.ttlHours });
    const body: CreatedEnrolmentCode = { code: code.match(/.{4}/g)?.join('-') ?? code, expiresAt };
    res.status(201).json(body);
  });
  return router;
}
