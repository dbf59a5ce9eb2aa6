import crypto from 'node:crypto';
import { AppError, type EnrolRequest, type EnrolResponse } from '@sunshine/contracts';
import type { KioskRepository } from '../db/kiosks.repository';

export interface EnrolmentDeps {
  kiosks: KioskRepository;
  centralPublicKey: string;
  lookupKey: string;
  now: () => Date;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud over the phone

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** A new one-time code: 16 characters, shown to staff as four groups of four. */
export function newEnrolmentCode(): string {
  return Array.from(crypto.randomBytes(16), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Stores a one-time code (only its hash) that expires after `ttlHours`. */
export async function createEnrolmentCode(
  deps: Pick<EnrolmentDeps, 'kiosks' | 'now'>,
  code: string,
  options: { kioskName?: string; ttlHours: number },
): Promise<void> {
  const now = deps.now();
  await deps.kiosks.createEnrolmentCode({
    codeHash: sha256(code),
    kioskName: options.kioskName ?? null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + options.ttlHours * 3_600_000).toISOString(),
  });
}

/** Exchanges a one-time code for the kiosk's number, token and the keys it needs. */
export async function enrolKiosk(deps: EnrolmentDeps, request: EnrolRequest): Promise<EnrolResponse> {
  const codeHash = sha256(request.code);
  const code = await deps.kiosks.findEnrolmentCode(codeHash);
  const now = deps.now();
  if (!code) throw new AppError('invalid_enrolment_code', 'This enrolment code is unknown. Check it, or ask the county for a new one.');
  if (code.usedAt) throw new AppError('invalid_enrolment_code', 'This enrolment code has already been used. Ask the county for a new one.');
  if (new Date(code.expiresAt) <= now) throw new AppError('invalid_enrolment_code', 'This enrolment code has expired. Ask the county for a new one.');
  const token = crypto.randomBytes(32).toString('base64url');
  const name = request.name ?? code.kioskName ?? 'kiosk';
  const kioskNumber = await deps.kiosks.enrolWithCode(codeHash, { name, tokenHash: sha256(token), enrolledAt: now.toISOString() });
  if (!kioskNumber) throw new AppError('invalid_enrolment_code', 'This enrolment code has already been used. Ask the county for a new one.');
  return { kioskNumber, name, token, centralPublicKey: deps.centralPublicKey, lookupKey: deps.lookupKey };
}
