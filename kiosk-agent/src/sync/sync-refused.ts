/** Central's answer was refused before anything was applied: why, in words for the log. */
export class SyncRefused extends Error {
  constructor(readonly reason: 'bad_signature' | 'bad_manifest' | 'bad_hash' | 'replay' | 'bad_body', message: string) {
    super(message);
    this.name = 'SyncRefused';
  }
}
