import { AppError, CreateEnrolmentCodeRequest, CreateReEnrolmentCodeRequest, MoveKioskRequest, type CountyWarning, type FleetKiosk, type FleetList } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { ContentRepository } from '../sync/content.repository';
import type { HeartbeatRepository } from './heartbeats.repository';
import type { KioskListItem, KioskRepository } from './kiosks.repository';
import type { PlaceRepository } from './places.repository';
import { assertLiveVillage, issueEnrolmentCode, unknownKiosk } from './enrolment.service';
import { fleetAlerts, isOnline, onlineSpans, type OpeningHours } from './fleet';
import { toCsv } from '../statistics/statistics.service';
import { currentStaff, requireStaff, type StaffHttpDeps } from '../staff/staff-session';

export interface FleetDeps extends StaffHttpDeps {
  kiosks: KioskRepository;
  places: PlaceRepository;
  heartbeats: HeartbeatRepository;
  content: ContentRepository;
  openingHours: OpeningHours;
  connectedKiosks: () => Set<string>;
  disconnectKiosk: (kioskNumber: string) => void;
  /** County-wide problems for the fleet screen's banner (a missing holiday calendar). */
  countyWarnings: () => CountyWarning[];
}

const KioskParam = z.object({ kioskNumber: z.string().regex(/^\d{4}$/) });
const HistoryQuery = z.object({ hours: z.coerce.number().int().min(1).max(24 * 31).default(24) });

/** The fleet screen: status and place per kiosk, on/offline history, moves, revoke, and one-time enrolment codes. */
export function fleetRoutes(deps: FleetDeps): Router {
  const router = Router();
  /** Fleet rows with their village and town names, from one batched lookup. */
  const fleetRows = async (kiosks: readonly KioskListItem[]): Promise<FleetKiosk[]> => {
    const latest = (await deps.content.latestVersion())?.version ?? 0;
    const connected = deps.connectedKiosks();
    const places = await deps.places.villagePlaces(kiosks.flatMap((k) => (k.villageCode ? [k.villageCode] : [])));
    const now = deps.now();
    const rows: FleetKiosk[] = [];
    for (const k of kiosks) {
      const recent = await deps.heartbeats.recent(k.kioskNumber, 3);
      const hb = recent[0];
      const place = k.villageCode ? places.get(k.villageCode) : undefined;
      const online = !k.revokedAt && isOnline(k.lastSeenAt, now, connected.has(k.kioskNumber));
      rows.push({
        ...k,
        villageName: place?.villageName ?? null,
        townName: place?.townName ?? null,
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
    return rows;
  };
  const fleetRow = async (kioskNumber: string): Promise<FleetKiosk> => {
    const kiosk = await deps.kiosks.find(kioskNumber);
    const [row] = kiosk ? await fleetRows([kiosk]) : [];
    if (!row) throw unknownKiosk(kioskNumber);
    return row;
  };

  router.get('/api/fleet/kiosks', requireStaff(deps, 'fleet:read'), async (req, res) => {
    const { format } = parseInput(z.object({ format: z.enum(['json', 'csv']).default('json') }), req.query);
    const kiosks = await fleetRows(await deps.kiosks.list());
    if (format === 'csv') {
      const rows = kiosks.map((k) => ({ ...k, alerts: k.alerts.map((a) => a.message).join('；') }));
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="kiosks.csv"' });
      res.send(
        toCsv(rows, ['kioskNumber', 'name', 'townName', 'villageName', 'villageCode', 'online', 'lastSeenAt', 'dataVersion', 'versionLag', 'printerState', 'outboxPending', 'diskFreeBytes', 'lastSyncError', 'revokedAt', 'alerts']),
      );
      return;
    }
    const list: FleetList = { kiosks, warnings: deps.countyWarnings() };
    res.json(list);
  });

  router.get('/api/fleet/kiosks/:kioskNumber', requireStaff(deps, 'fleet:read'), async (req, res) => {
    res.json(await fleetRow(parseInput(KioskParam, req.params).kioskNumber));
  });

  router.put('/api/fleet/kiosks/:kioskNumber/village', requireStaff(deps, 'fleet:manage'), async (req, res) => {
    const { kioskNumber } = parseInput(KioskParam, req.params);
    const { villageCode } = parseInput(MoveKioskRequest, req.body);
    const before = await fleetRow(kioskNumber);
    await deps.audited(
      async (tx) => {
        await assertLiveVillage(tx.places, villageCode);
        if (!(await tx.kiosks.moveToVillage(kioskNumber, villageCode))) throw unknownKiosk(kioskNumber);
      },
      () => ({ actor: currentStaff(res).username, action: 'kiosk.move', target: kioskNumber, details: { from: before.villageCode, to: villageCode } }),
    );
    res.json(await fleetRow(kioskNumber));
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
    await deps.audited(
      async (tx) => {
        if (!(await tx.kiosks.revoke(kioskNumber, deps.now().toISOString()))) throw new AppError('not_found', '没有这台一体机，或它已被停用');
      },
      () => ({ actor: currentStaff(res).username, action: 'kiosk.revoke', target: kioskNumber }),
    );
    deps.disconnectKiosk(kioskNumber);
    res.status(204).end();
  });

  router.post('/api/fleet/enrolment-codes', requireStaff(deps, 'fleet:manage'), async (req, res) => {
    const request = parseInput(CreateEnrolmentCodeRequest, req.body);
    const created = await deps.audited(
      (tx) => issueEnrolmentCode({ ...tx, now: deps.now }, request),
      () => ({ actor: currentStaff(res).username, action: 'kiosk.enrolment-code', target: request.kioskName ?? null, details: { ttlHours: request.ttlHours, villageCode: request.villageCode ?? null } }),
    );
    res.status(201).json(created);
  });

  router.post('/api/fleet/kiosks/:kioskNumber/enrolment-code', requireStaff(deps, 'fleet:manage'), async (req, res) => {
    const { kioskNumber } = parseInput(KioskParam, req.params);
    const { ttlHours } = parseInput(CreateReEnrolmentCodeRequest, req.body);
    const created = await deps.audited(
      (tx) => issueEnrolmentCode({ ...tx, now: deps.now }, { kioskNumber, ttlHours }),
      () => ({ actor: currentStaff(res).username, action: 'kiosk.re-enrolment-code', target: kioskNumber, details: { ttlHours } }),
    );
    res.status(201).json(created);
  });
  return router;
}
