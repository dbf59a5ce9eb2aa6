import crypto from 'node:crypto';
import { ComplaintContact } from '@sunshine/contracts';

// Complainants' names and phones are sealed with AES-256-GCM before they reach the store.
// The ticket number is the additional authenticated data, so a sealed value copied onto
// another ticket fails to open instead of revealing someone else's contact.

const VERSION = 'v1';

/** Seals `contact` for `ticketNumber`: `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function sealContact(key: Buffer, ticketNumber: string, contact: ComplaintContact): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(ticketNumber));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Opens a sealed contact; throws when the key, the ticket number or the text is wrong. */
export function openContact(key: Buffer, ticketNumber: string, sealed: string): ComplaintContact {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unknown sealed contact format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(ticketNumber));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  return ComplaintContact.parse(JSON.parse(text));
}

/**
 * A 4-digit PIN has only 10 000 values, so a plain hash would fall to a table at once:
 * it is an HMAC under central's secret key, bound to the ticket number.
 */
export function hashPin(key: Buffer, ticketNumber: string, pin: string): string {
  return crypto.createHmac('sha256', key).update(`pin:${ticketNumber}:${pin}`).digest('hex');
}

export function isPinCorrect(key: Buffer, ticketNumber: string, pin: string, pinHash: string): boolean {
  const given = Buffer.from(hashPin(key, ticketNumber, pin), 'hex');
  const stored = Buffer.from(pinHash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
