import crypto from 'node:crypto';
import { AppError, type CreatedEnrolmentCode, type CreateEnrolmentCodeRequest, type EnrolRequest, type EnrolResponse, type KioskNumberMismatch } from '@sunshine/contracts';
import type { AuditedFleetAction, EnrolmentCodeRecord, EnrolmentCodeStore, KioskStore, PlaceLookup } from './fleet.ports';

export interface EnrolmentDeps {
  kiosks: EnrolmentCodeStore;
  audited: AuditedFleetAction;
  /** Drops live sockets that still use a replaced token. */
  disconnectKiosk: (kioskNumber: string) => void;
  centralPublicKey: string;
  lookupKey: string;
  now: () => Date;
}

interface EnrolmentCodeOptions {
  kioskName?: string;
  /** The new kiosk's village. */
  villageCode?: string;
  /** Re-enrolment: the existing kiosk that keeps its number. */
  kioskNumber?: string;
  ttlHours: number;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud over the phone

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** A new one-time code: 16 characters, shown to staff as four groups of four. */
export function newEnrolmentCode(): string {
  return Array.from(crypto.randomBytes(16), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Stores a one-time code (only its hash) that expires after `ttlHours`; answers when it expires. */
export async function createEnrolmentCode(deps: { kiosks: EnrolmentCodeStore; now: () => Date }, code: string, options: EnrolmentCodeOptions): Promise<string> {
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + options.ttlHours * 3_600_000).toISOString();
  await deps.kiosks.createEnrolmentCode({
    codeHash: sha256(code),
    kioskName: options.kioskName ?? null,
    villageCode: options.villageCode ?? null,
    kioskNumber: options.kioskNumber ?? null,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return expiresAt;
}

export const unknownKiosk = (kioskNumber: string) => new AppError('unknown_kiosk', `没有 ${kioskNumber} 号一体机`);

export async function assertLiveVillage(places: PlaceLookup, villageCode: string): Promise<void> {
  if ((await places.villagePlaces([villageCode])).has(villageCode)) return;
  throw new AppError('unknown_village', `没有编码为 ${villageCode} 的村（社区）：请核对这12位编码，它必须是已发布数据里的村或社区`);
}

/** Makes a code in the caller's transaction: its village must be live in the published data, its kiosk (re-enrolment) must exist. */
async function issueCode(tx: { kiosks: KioskStore & EnrolmentCodeStore; places: PlaceLookup }, now: () => Date, options: EnrolmentCodeOptions): Promise<CreatedEnrolmentCode> {
  if (options.villageCode) await assertLiveVillage(tx.places, options.villageCode);
  if (options.kioskNumber && !(await tx.kiosks.find(options.kioskNumber))) throw unknownKiosk(options.kioskNumber);
  const code = newEnrolmentCode();
  const expiresAt = await createEnrolmentCode({ kiosks: tx.kiosks, now }, code, options);
  return { code: code.match(/.{4}/g)?.join('-') ?? code, expiresAt };
}

/** Staff ask for a new kiosk's code, optionally naming its village; audited. */
export function issueNewKioskCode(deps: Pick<EnrolmentDeps, 'audited' | 'now'>, request: CreateEnrolmentCodeRequest & { ttlHours: number }, actor: string): Promise<CreatedEnrolmentCode> {
  return deps.audited(
    (tx) => issueCode(tx, deps.now, request),
    () => ({ actor, action: 'kiosk.enrolment-code', target: request.kioskName ?? null, details: { ttlHours: request.ttlHours, villageCode: request.villageCode ?? null } }),
  );
}

/** Staff ask for a code that re-enrols `kioskNumber` under its own number; audited. */
export function issueReEnrolmentCode(deps: Pick<EnrolmentDeps, 'audited' | 'now'>, kioskNumber: string, ttlHours: number, actor: string): Promise<CreatedEnrolmentCode> {
  return deps.audited(
    (tx) => issueCode(tx, deps.now, { kioskNumber, ttlHours }),
    () => ({ actor, action: 'kiosk.re-enrolment-code', target: kioskNumber, details: { ttlHours } }),
  );
}

const codeUsed = () => new AppError('enrolment_code_used', '这个开通码已经用过了，请向县里要一个新的（this enrolment code has already been used）。');

/**
 * Exchanges a one-time code for the kiosk's number, token and the keys it needs. A
 * re-enrolment code keeps the kiosk's number and replaces its token; it is used only by
 * the kiosk that has that number (its cache holds the tickets of that number), and a new
 * kiosk's code only by a kiosk without one. A code that does not fit is refused unused.
 */
export async function enrolKiosk(deps: EnrolmentDeps, request: EnrolRequest): Promise<EnrolResponse> {
  const codeHash = sha256(request.code);
  const code = await deps.kiosks.findEnrolmentCode(codeHash);
  const now = deps.now();
  if (!code) throw new AppError('unknown_enrolment_code', '没有这个开通码：请核对，或向县里要一个新的（this enrolment code is unknown）。');
  if (code.usedAt) throw codeUsed();
  if (new Date(code.expiresAt) <= now) throw new AppError('enrolment_code_expired', '这个开通码已过期，请向县里要一个新的（this enrolment code has expired）。');
  assertCodeFitsKiosk(code, request.kioskNumber);
  const token = crypto.randomBytes(32).toString('base64url');
  const enrolment = { tokenHash: sha256(token), enrolledAt: now.toISOString() };
  // The code is used, the kiosk enrolled and the enrolment audited in one transaction.
  const kiosk = await deps.audited(
    async (tx) => {
      const enrolled = code.kioskNumber
        ? await tx.kiosks.reEnrolWithCode(codeHash, { ...enrolment, kioskNumber: code.kioskNumber, name: request.name ?? null })
        : await enrolNewKiosk(tx.kiosks, codeHash, { ...enrolment, name: request.name ?? code.kioskName ?? 'kiosk', villageCode: code.villageCode });
      if (!enrolled) throw codeUsed();
      return enrolled;
    },
    (k) => ({ actor: `kiosk:${k.kioskNumber}`, action: code.kioskNumber ? 'kiosk.re-enrol' : 'kiosk.enrol', target: k.kioskNumber, details: { name: k.name, villageCode: k.villageCode } }),
  );
  if (code.kioskNumber) deps.disconnectKiosk(kiosk.kioskNumber);
  return { kioskNumber: kiosk.kioskNumber, name: kiosk.name, token, centralPublicKey: deps.centralPublicKey, lookupKey: deps.lookupKey, villageCode: kiosk.villageCode };
}

async function enrolNewKiosk(kiosks: EnrolmentCodeStore, codeHash: string, kiosk: { name: string; villageCode: string | null; tokenHash: string; enrolledAt: string }) {
  const kioskNumber = await kiosks.enrolWithCode(codeHash, kiosk);
  return kioskNumber ? { kioskNumber, name: kiosk.name, villageCode: kiosk.villageCode } : null;
}

const mismatch = (codeFor: string | null): KioskNumberMismatch => ({ codeFor });

function assertCodeFitsKiosk(code: EnrolmentCodeRecord, kioskNumber: string | undefined): void {
  if (code.kioskNumber === (kioskNumber ?? null)) return;
  if (!code.kioskNumber) {
    throw new AppError(
      'kiosk_number_mismatch',
      `这是新一体机的开通码，而这台是 ${kioskNumber ?? ''} 号机：请向县里要 ${kioskNumber ?? ''} 号机的重新开通码。开通码没有用掉（this code enrols a new kiosk, but this is kiosk ${kioskNumber ?? ''}; the code was not used）。`,
      mismatch(null),
    );
  }
  const thisKiosk = kioskNumber ? `这台是 ${kioskNumber} 号机` : '这台一体机没有可保留的编号';
  throw new AppError(
    'kiosk_number_mismatch',
    `这是 ${code.kioskNumber} 号机的重新开通码，而${thisKiosk}。开通码没有用掉（this code re-enrols kiosk ${code.kioskNumber}; the code was not used）。`,
    mismatch(code.kioskNumber),
  );
}
