import { fleetApi } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { CentralMount } from '../route-mount';
import { sendCsv } from '../statistics/csv';
import { currentStaff } from '../staff/staff-session';
import { issueNewKioskCode, issueReEnrolmentCode, type EnrolmentDeps } from './enrolment.service';
import type { FleetService } from './fleet.service';

const KioskParams = z.object({ kioskNumber: z.string().regex(/^\d{4}$/) });

const CSV_COLUMNS = [
  'kioskNumber',
  'name',
  'townName',
  'villageName',
  'villageCode',
  'online',
  'lastSeenAt',
  'dataVersion',
  'versionLag',
  'printerState',
  'outboxPending',
  'diskFreeBytes',
  'lastSyncError',
  'revokedAt',
  'alerts',
] as const;

/** The fleet screen (staff): status and place per kiosk, on/offline history, moves, revocation, and one-time enrolment codes. */
export function fleetRoutes(mount: CentralMount, deps: { fleet: FleetService; enrolment: Pick<EnrolmentDeps, 'audited' | 'now'> }): Router {
  const router = Router();
  const kioskNumberOf = (params: unknown) => parseInput(KioskParams, params).kioskNumber;

  // One handler serves both `listKiosks` and `exportKiosks`: they share the path and differ by `format`.
  mount(router, fleetApi.listKiosks, async ({ query }, _req, res) => {
    const list = await deps.fleet.list();
    if (query.format === 'json') return list;
    const rows = list.kiosks.map((k) => ({ ...k, alerts: k.alerts.map((a) => a.message).join('；') }));
    sendCsv(res, 'kiosks', rows, CSV_COLUMNS);
    return undefined;
  });
  mount(router, fleetApi.getKiosk, ({ params }) => deps.fleet.kiosk(kioskNumberOf(params)));
  mount(router, fleetApi.moveKiosk, ({ params, body }, _req, res) => deps.fleet.move(kioskNumberOf(params), body.villageCode, currentStaff(res).username));
  mount(router, fleetApi.kioskHistory, ({ params, query }) => deps.fleet.history(kioskNumberOf(params), query.hours));
  mount(router, fleetApi.revokeKiosk, async ({ params }, _req, res) => {
    await deps.fleet.revoke(kioskNumberOf(params), currentStaff(res).username);
    return undefined;
  });
  mount(router, fleetApi.createEnrolmentCode, ({ body }, _req, res) => issueNewKioskCode(deps.enrolment, body, currentStaff(res).username));
  mount(router, fleetApi.createReEnrolmentCode, ({ params, body }, _req, res) =>
    issueReEnrolmentCode(deps.enrolment, kioskNumberOf(params), body.ttlHours, currentStaff(res).username),
  );
  return router;
}
