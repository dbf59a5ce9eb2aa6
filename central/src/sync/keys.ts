import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CentralKeys {
  /** Ed25519 key that signs every sync manifest. */
  signingKey: KeyObject;
  publicKeyPem: string;
  /** The county key for hashing ID numbers (HMAC-SHA256), hex; kiosks get it at enrolment. */
  lookupKey: string;
  /** AES-256 key that seals complainants' names and phones at rest; also peppers PIN hashes. */
  contactKey: Buffer;
}

/** Loads central's keys from `dataDir/keys`, creating them (mode 0600) on first start. */
export function loadOrCreateKeys(dataDir: string, contactKeyHex?: string): CentralKeys {
  const dir = path.join(dataDir, 'keys');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const signingPath = path.join(dir, 'signing-key.pem');
  const lookupPath = path.join(dir, 'lookup-key.hex');
  const contactPath = path.join(dir, 'contact-key.hex');
  if (!fs.existsSync(signingPath)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    writeSecret(signingPath, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  if (!fs.existsSync(lookupPath)) writeSecret(lookupPath, crypto.randomBytes(32).toString('hex'));
  if (!contactKeyHex && !fs.existsSync(contactPath)) writeSecret(contactPath, crypto.randomBytes(32).toString('hex'));
  const contactKey = Buffer.from(contactKeyHex ?? fs.readFileSync(contactPath, 'utf8').trim(), 'hex');
  const signingKey = crypto.createPrivateKey(fs.readFileSync(signingPath));
  const publicKeyPem = crypto.createPublicKey(signingKey).export({ type: 'spki', format: 'pem' }).toString();
  return { signingKey, publicKeyPem, lookupKey: fs.readFileSync(lookupPath, 'utf8').trim(), contactKey };
}

function writeSecret(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}

/** HMAC-SHA256 of a (valid, normalised) ID number with the county lookup key. */
export function hashIdNumber(idNumber: string, lookupKey: string): string {
  return crypto.createHmac('sha256', Buffer.from(lookupKey, 'hex')).update(idNumber).digest('hex');
}
