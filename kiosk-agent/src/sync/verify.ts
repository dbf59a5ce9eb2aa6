import crypto from 'node:crypto';
import { SyncManifest, type SignedManifest } from '@sunshine/contracts';
import { SyncRefused } from './sync-refused';


/** Checks central's Ed25519 signature over the exact manifest text, then parses it. */
export function verifyManifest(signed: SignedManifest, centralPublicKey: string): SyncManifest {
  const ok = crypto.verify(null, Buffer.from(signed.manifest), crypto.createPublicKey(centralPublicKey), Buffer.from(signed.signature, 'base64'));
  if (!ok) throw new SyncRefused('bad_signature', 'sync manifest signature does not verify');
  const parsed = SyncManifest.safeParse(JSON.parse(signed.manifest));
  if (!parsed.success) throw new SyncRefused('bad_manifest', `sync manifest is malformed: ${parsed.error.message}`);
  return parsed.data;
}

/** The body must be exactly what the signed manifest describes. */
export function verifyBody(manifest: SyncManifest, body: Buffer): void {
  const sha256 = crypto.createHash('sha256').update(body).digest('hex');
  if (body.length !== manifest.bytes || sha256 !== manifest.sha256) {
    throw new SyncRefused('bad_hash', `sync body hash ${sha256} does not match the manifest`);
  }
}
