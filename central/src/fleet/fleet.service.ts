import { AppError, type CountyWarning, type FleetKiosk, type FleetList, type FleetSpan, type Heartbeat, type HeartbeatAnswer } from '@sunshine/contracts';
import { fleetAlerts, isOnline, onlineSpans, type OpeningHours } from './fleet';
import { assertLiveVillage, unknownKiosk } from './enrolment.service';
import type { AuditedFleetAction, HeartbeatStore, KioskListItem, KioskRecord, KioskStore, PlaceLookup } from './fleet.ports';

/** The alerts look at this many of a kiosk's latest heartbeats (three failed syncs in a row). */
const RECENT_BEATS = 3;

export interface FleetServiceDeps {
  kiosks: KioskStore;
  heartbeats: HeartbeatStore;
  places: PlaceLookup;
  /** The latest published content version, 0 before the first. */
  latestVersion: () => Promise<number>;
  audited: AuditedFleetAction;
  openingHours: OpeningHours;
  connectedKiosks: () => ReadonlySet<string>;
  /** Drops a kiosk's live sockets. */
  disconnectKiosk: (kioskNumber: string) => void;
  /** County-wide problems for the fleet screen's banner (a missing holiday calendar). */
  countyWarnings: () => CountyWarning[];
  /** Tells open consoles a kiosk was heard from. */
  heard: (event: { kioskNumber: string; at: string }) => void;
  now: () => Date;
}

/** The fleet screen's use cases: status and place per kiosk, on/offline history, moves, revocation, and heartbeats. */
export function createFleetService(deps: FleetServiceDeps) {
  /** Fleet rows from one read each of versions, places and heartbeats, however many kiosks. */
  async function rows(kiosks: readonly KioskListItem[]): Promise<FleetKiosk[]> {
    const numbers = kiosks.map((k) => k.kioskNumber);
    const [latest, places, beats] = await Promise.all([
      deps.latestVersion(),
      deps.places.villagePlaces(kiosks.flatMap((k) => (k.villageCode ? [k.villageCode] : []))),
      deps.heartbeats.latestByKiosk(numbers, RECENT_BEATS),
    ]);
    const connected = deps.connectedKiosks();
    const now = deps.now();
    return kiosks.map((k) => {
      const recent = beats.get(k.kioskNumber) ?? [];
      const hb = recent[0];
      const place = k.villageCode ? places.get(k.villageCode) : undefined;
      const online = !k.revokedAt && isOnline(k.lastSeenAt, now, connected.has(k.kioskNumber));
      return {
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
      };
    });
  }

  async function kiosk(kioskNumber: string): Promise<FleetKiosk> {
    const found = await deps.kiosks.find(kioskNumber);
    const [row] = found ? await rows([found]) : [];
    if (!row) throw unknownKiosk(kioskNumber);
    return row;
  }

  return {
    kiosk,

    async list(): Promise<FleetList> {
      return { kiosks: await rows(await deps.kiosks.list()), warnings: deps.countyWarnings() };
    },

    /** Moves a kiosk to another live village; audited with where it stood before. */
    async move(kioskNumber: string, villageCode: string, actor: string): Promise<FleetKiosk> {
      await deps.audited(
        async (tx) => {
          const before = await tx.kiosks.find(kioskNumber);
          if (!before) throw unknownKiosk(kioskNumber);
          await assertLiveVillage(tx.places, villageCode);
          await tx.kiosks.moveToVillage(kioskNumber, villageCode);
          return before.villageCode;
        },
        (from) => ({ actor, action: 'kiosk.move', target: kioskNumber, details: { from, to: villageCode } }),
      );
      return kiosk(kioskNumber);
    },

    /** Online and offline spans over the last `hours`. */
    async history(kioskNumber: string, hours: number): Promise<FleetSpan[]> {
      const now = deps.now();
      const from = new Date(now.getTime() - hours * 3_600_000);
      return onlineSpans(await deps.heartbeats.receivedSince(kioskNumber, from.toISOString()), from, now);
    },

    /** Refuses the kiosk's token from now on and drops its live sockets; audited. */
    async revoke(kioskNumber: string, actor: string): Promise<void> {
      await deps.audited(
        async (tx) => {
          if (await tx.kiosks.revoke(kioskNumber, deps.now().toISOString())) return;
          if (!(await tx.kiosks.find(kioskNumber))) throw unknownKiosk(kioskNumber);
          throw new AppError('kiosk_already_revoked', `${kioskNumber} 号一体机已经停用了`);
        },
        () => ({ actor, action: 'kiosk.revoke', target: kioskNumber }),
      );
      deps.disconnectKiosk(kioskNumber);
    },

    /** Keeps a kiosk's heartbeat and answers what central holds about it now. */
    async heartbeat(from: KioskRecord, beat: Heartbeat): Promise<HeartbeatAnswer> {
      const at = deps.now().toISOString();
      await deps.heartbeats.record(from.kioskNumber, at, beat);
      deps.heard({ kioskNumber: from.kioskNumber, at });
      // The kiosk record was read for this request: a move at central shows in the next answer.
      return { villageCode: from.villageCode };
    },
  };
}
export type FleetService = ReturnType<typeof createFleetService>;
