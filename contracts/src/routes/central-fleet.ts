import { z } from 'zod';
import { EnrolRequest, EnrolResponse } from '../enrolment';
import {
  CreatedEnrolmentCode,
  CreateEnrolmentCodeRequest,
  CreateReEnrolmentCodeRequest,
  FleetCsvQuery,
  FleetHistoryQuery,
  FleetKiosk,
  FleetList,
  FleetListQuery,
  FleetSpan,
  MoveKioskRequest,
} from '../fleet';
import { Heartbeat, HeartbeatAnswer } from '../heartbeat';
import { defineRoute } from '../route';

/**
 * The kiosk fleet: what kiosks call (enrolment with a one-time code, heartbeats) and what
 * staff do with them (status, history, moves, revocation, the codes themselves).
 */
export const fleetApi = {
  enrol: defineRoute({
    method: 'POST',
    path: '/api/kiosks/enrol',
    summary:
      "An installer's one-time code for the kiosk's number, token and keys (`villageCode` null when the code named none; older centrals omit it). 400 `unknown_enrolment_code`, `enrolment_code_used`, `enrolment_code_expired`; 409 `kiosk_number_mismatch` when the code does not fit (below), the code stays unused",
    access: { kind: 'public' },
    body: EnrolRequest,
    response: EnrolResponse,
    status: 201,
  }),
  heartbeat: defineRoute({
    method: 'POST',
    path: '/api/kiosk-api/heartbeat',
    summary:
      "Every 30 s: the kiosk's state, kept 90 days for the fleet screen and usage statistics. Answers `HeartbeatAnswer { villageCode }`, the kiosk's village at central now, null when none was named (centrals before this answered 204 with no body; agents before this ignore the body). 400 a `lastSyncError` over 500 characters or a usage screen name over 32",
    access: { kind: 'kiosk' },
    body: Heartbeat,
    response: HeartbeatAnswer,
  }),
  listKiosks: defineRoute({
    method: 'GET',
    path: '/api/fleet/kiosks',
    summary:
      'Every kiosk with its village and town names, online state, version lag, printer, outbox, disk and alerts; `warnings` are county-wide (a missing holiday calendar, below)',
    access: { kind: 'staff', permission: 'fleet:read' },
    query: FleetListQuery,
    response: FleetList,
  }),
  exportKiosks: defineRoute({
    method: 'GET',
    path: '/api/fleet/kiosks',
    summary: 'The same list as a spreadsheet (UTF-8 with BOM, formula-safe), alerts joined in words',
    access: { kind: 'staff', permission: 'fleet:read' },
    query: FleetCsvQuery,
    response: { kind: 'file', contentType: 'text/csv; charset=utf-8' },
  }),
  getKiosk: defineRoute({
    method: 'GET',
    path: '/api/fleet/kiosks/:kioskNumber',
    summary: 'One kiosk as the list shows it. 400 a number that is not 4 digits; 404 `unknown_kiosk`',
    access: { kind: 'staff', permission: 'fleet:read' },
    response: FleetKiosk,
  }),
  moveKiosk: defineRoute({
    method: 'PUT',
    path: '/api/fleet/kiosks/:kioskNumber/village',
    summary:
      'The kiosk now stands in another village; answers its row. 400 `bad_request` a code that is not 12 digits, `unknown_village` not a live village in the published data; 404 `unknown_kiosk`. Audited (`kiosk.move`, from and to). The agent learns the new village from the answer to its next heartbeat, within `HEARTBEAT_SECONDS` (`AGENT_VILLAGE_CODE` overrides it)',
    access: { kind: 'staff', permission: 'fleet:manage' },
    body: MoveKioskRequest,
    response: FleetKiosk,
  }),
  kioskHistory: defineRoute({
    method: 'GET',
    path: '/api/fleet/kiosks/:kioskNumber/history',
    summary: 'Online and offline spans from its heartbeats, oldest first; `hours` 1–744 (default 24)',
    access: { kind: 'staff', permission: 'fleet:read' },
    query: FleetHistoryQuery,
    response: z.array(FleetSpan),
  }),
  revokeKiosk: defineRoute({
    method: 'POST',
    path: '/api/fleet/kiosks/:kioskNumber/revoke',
    summary:
      "The kiosk's token is refused on HTTP (403 `kiosk_revoked`) and on its socket from then on; live sockets are dropped. Audited (`kiosk.revoke`). 404 `unknown_kiosk`; 409 `kiosk_already_revoked`",
    access: { kind: 'staff', permission: 'fleet:manage' },
    response: z.undefined(),
    status: 204,
  }),
  createEnrolmentCode: defineRoute({
    method: 'POST',
    path: '/api/fleet/enrolment-codes',
    summary:
      "A new kiosk's one-time code, shown once as `ABCD-EFGH-JKLM-NPQR` (central keeps its hash): the kiosk gets the next number, in the village the code names. `ttlHours` 1–72 (24), `kioskName` ≤ 64 characters. 400 `unknown_village` when `villageCode` is not a live village. Audited (`kiosk.enrolment-code`)",
    access: { kind: 'staff', permission: 'fleet:manage' },
    body: CreateEnrolmentCodeRequest,
    response: CreatedEnrolmentCode,
    status: 201,
  }),
  createReEnrolmentCode: defineRoute({
    method: 'POST',
    path: '/api/fleet/kiosks/:kioskNumber/enrolment-code',
    summary:
      "A re-enrolment code for that kiosk: it keeps its number (below). `ttlHours` 1–72 (24). 404 `unknown_kiosk`. Audited (`kiosk.re-enrolment-code`)",
    access: { kind: 'staff', permission: 'fleet:manage' },
    body: CreateReEnrolmentCodeRequest,
    response: CreatedEnrolmentCode,
    status: 201,
  }),
} as const;
