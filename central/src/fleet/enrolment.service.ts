import crypto from 'node:crypto';
import { AppError, type CreatedEnrolmentCode, type EnrolRequest, type EnrolResponse } from '@sunshine/contracts';
import type { EnrolmentCodeRecord, KioskRepository } from './kiosks.repository';
import type { PlaceRepository } from './places.repository';
import type { Audited } from '../platform/unit-of-work';

export interface EnrolmentDeps {
  kiosks: KioskRepository;
  audited: Audited;
  /** Drops live sockets that still use a replaced token. */
  disconnectKiosk: (kioskNumber: string) => void;
  centralPublicKey: string;
  lookupKey: string;
  now: () => Date;
}

export interface EnrolmentCodeOptions {
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
export async function createEnrolmentCode(deps: Pick<EnrolmentDeps, 'kiosks' | 'now'>, code: string, options: EnrolmentCodeOptions): Promise<string> {
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

/** Staff ask for a code: its village must be live in the published data, its kiosk (re-enrolment) must exist. */
export async function issueEnrolmentCode(
  deps: Pick<EnrolmentDeps, 'kiosks' | 'now'> & { places: PlaceRepository },
  options: EnrolmentCodeOptions,
): Promise<CreatedEnrolmentCode> {
  if (options.villageCode) await assertLiveVillage(deps.places, options.villageCode);
  if (options.kioskNumber && !(await deps.kiosks.find(options.kioskNumber))) throw unknownKiosk(options.kioskNumber);
  const code = newEnrolmentCode();
  const expiresAt = await createEnrolmentCode(deps, code, options);
  return { code: code.match(/.{4}/g)?.join('-') ?? code, expiresAt };
}

export const unknownKiosk = (kioskNumber: string) => new AppError('not_found', `没有 ${kioskNumber} 号一体机`);

export async function assertLiveVillage(places: PlaceRepository, villageCode: string): Promise<void> {
  if ((await places.villagePlaces([villageCode])).has(villageCode)) return;
  throw new AppError('bad_request', `没有编码为 ${villageCode} 的村（社区）：请核对这12位编码，它必须是已发布数据里的村或社区`);
}

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
  if (!code) throw new AppError('invalid_enrolment_code', 'This enrolment code is unknown. Check it, or ask the county for a new one.');
  if (code.usedAt) throw new AppError('invalid_enrolment_code', 'This enrolment code has already been used. Ask the county for a new one.');
  if (new Date(code.expiresAt) <= now) throw new AppError('invalid_enrolment_code', 'This enrolment code has expired. Ask the county for a new one.');
  assertCodeFitsKiosk(code, request.kioskNumber);
  const token = crypto.randomBytes(32).toString('base64url');
  const enrolment = { tokenHash: sha256(token), enrolledAt: now.toISOString() };
  // The code is used, the kiosk enrolled and the enrolment audited in one transaction.
  const kiosk = await deps.audited(
    async (tx) => {
      const enrolled = code.kioskNumber
        ? await tx.kiosks.reEnrolWithCode(codeHash, { ...enrolment, kioskNumber: code.kioskNumber, name: request.name ?? null })
        : await enrolNewKiosk(tx.kiosks, codeHash, { ...enrolment, name: request.name ?? code.kioskName ?? 'kiosk', villageCode: code.villageCode });
      if (!enrolled) throw new AppError('invalid_enrolment_code', 'This enrolment code has already been used. Ask the county for a new one.');
      return enrolled;
    },
    (k) => ({ actor: `kiosk:${k.kioskNumber}`, action: code.kioskNumber ? 'kiosk.re-enrol' : 'kiosk.enrol', target: k.kioskNumber, details: { name: k.name, villageCode: k.villageCode } }),
  );
  if (code.kioskNumber) deps.disconnectKiosk(kiosk.kioskNumber);
  return { kioskNumber: kiosk.kioskNumber, name: kiosk.name, token, centralPublicKey: deps.centralPublicKey, lookupKey: deps.lookupKey, villageCode: kiosk.villageCode };
}

async function enrolNewKiosk(kiosks: KioskRepository, codeHash: string, kiosk: { name: string; villageCode: string | null; tokenHash: string; enrolledAt: string }) {
  const kioskNumber = await kiosks.enrolWithCode(codeHash, kiosk);
  return kioskNumber ? { kioskNumber, name: kiosk.name, villageCode: kiosk.villageCode } : null;
}

function assertCodeFitsKiosk(code: EnrolmentCodeRecord, kioskNumber: string | undefined): void {
  if (code.kioskNumber === (kioskNumber ?? null)) return;
  if (!code.kioskNumber) {
    throw new AppError('conflict', `This code enrols a new kiosk, but this is kiosk ${kioskNumber ?? ''}: ask the county for a re-enrolment code for kiosk ${kioskNumber ?? ''}. The code was not used.`);
  }
  const thisKiosk = kioskNumber ? `this is kiosk ${kioskNumber}` : 'this kiosk has no enrolment to keep';
  throw new AppError('conflict', `This code re-enrols kiosk ${code.kioskNumber}, but ${thisKiosk}. The code was not used.`);
}
