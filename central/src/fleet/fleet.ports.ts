import type { Heartbeat } from '@sunshine/contracts';
import type { AuditedWith } from '../platform/audited-action';

/** A one-time enrolment code as central keeps it: only its hash. */
export interface EnrolmentCodeRecord {
  codeHash: string;
  kioskName: string | null;
  villageCode: string | null;
  /** Set for a re-enrolment code: the kiosk that keeps its number. */
  kioskNumber: string | null;
  expiresAt: string;
  usedAt: string | null;
}

export interface KioskRecord {
  kioskNumber: string;
  name: string;
  villageCode: string | null;
  revokedAt: string | null;
}

export interface KioskListItem extends KioskRecord {
  enrolledAt: string;
  lastSeenAt: string | null;
}

export interface StoredHeartbeat extends Heartbeat {
  kioskNumber: string;
  receivedAt: string;
}

/** A live village of the published data with its town, by name for staff. */
export interface VillagePlace {
  villageCode: string;
  villageName: string;
  townCode: string;
  townName: string | null;
}

/** The kiosks themselves. */
export interface KioskStore {
  find(kioskNumber: string): Promise<KioskListItem | null>;
  list(): Promise<KioskListItem[]>;
  /** False when the kiosk is unknown. */
  moveToVillage(kioskNumber: string, villageCode: string): Promise<boolean>;
  /** False when the kiosk is unknown or already revoked. */
  revoke(kioskNumber: string, at: string): Promise<boolean>;
}

/** Who holds a kiosk token (central keeps only its hash). */
export interface KioskCredentials {
  findByTokenHash(tokenHash: string): Promise<KioskRecord | null>;
}

/** One-time codes and their use. Using a code is atomic: of two racing requests, one wins. */
export interface EnrolmentCodeStore {
  createEnrolmentCode(code: Omit<EnrolmentCodeRecord, 'usedAt'> & { createdAt: string }): Promise<void>;
  findEnrolmentCode(codeHash: string): Promise<EnrolmentCodeRecord | null>;
  /** Uses the code and creates a kiosk with the next number; null when the code was used meanwhile. */
  enrolWithCode(codeHash: string, kiosk: { name: string; villageCode: string | null; tokenHash: string; enrolledAt: string }): Promise<string | null>;
  /** Uses a re-enrolment code and gives its kiosk a new token; null when the code was used meanwhile. */
  reEnrolWithCode(codeHash: string, kiosk: { kioskNumber: string; name: string | null; tokenHash: string; enrolledAt: string }): Promise<KioskRecord | null>;
}

export interface HeartbeatStore {
  /** Stores the heartbeat and marks the kiosk seen. */
  record(kioskNumber: string, receivedAt: string, heartbeat: Heartbeat): Promise<void>;
  /** The newest `limit` heartbeats of each of `kioskNumbers`, newest first; a kiosk never heard from is absent. */
  latestByKiosk(kioskNumbers: readonly string[], limit: number): Promise<Map<string, StoredHeartbeat[]>>;
  /** When each heartbeat since `from` arrived, oldest first. */
  receivedSince(kioskNumber: string, from: string): Promise<string[]>;
}

export interface PlaceLookup {
  /** The live villages among `codes`, with their towns' names; unknown or withdrawn codes are left out. */
  villagePlaces(codes: Iterable<string>): Promise<Map<string, VillagePlace>>;
}

/** What a fleet action reads and writes inside its transaction. */
export interface FleetTx {
  kiosks: KioskStore & EnrolmentCodeStore;
  places: PlaceLookup;
}

/** Runs a fleet action in one transaction with its audit entry last in it: both commit or neither. */
export type AuditedFleetAction = AuditedWith<FleetTx>;
