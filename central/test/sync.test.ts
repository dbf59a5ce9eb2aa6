import { SYNC_PROTOCOL_VERSION, SyncHeader, SyncManifest, syncApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, refusal } from './factories';
import { startTestCentral, type TestCentral } from './harness';

describe('sync over HTTP', () => {
  let central: TestCentral;
  let kiosk: ReturnType<typeof apiClient>;
  const manifestOf = (res: Response) => SyncManifest.parse(JSON.parse(Buffer.from(res.headers.get(SyncHeader.manifest) ?? '', 'base64').toString('utf8')));
  beforeAll(async () => {
    central = await startTestCentral();
    kiosk = apiClient(central.url, { token: (await central.enrol('同步的')).token });
  });
  afterAll(() => central.close());

  it('sends a snapshot in the protocol the kiosk speaks, then 204 once it is up to date', async () => {
    const snapshot = await kiosk.call(syncApi.changes, { query: { since: 0, protocol: SYNC_PROTOCOL_VERSION } });
    expect([snapshot.status, snapshot.headers.get('content-type')]).toEqual([200, syncApi.changes.response.contentType]);
    const manifest = manifestOf(snapshot);
    expect(manifest).toMatchObject({ protocol: SYNC_PROTOCOL_VERSION, from: 0, wipeAll: true });
    expect((await snapshot.arrayBuffer()).byteLength).toBe(manifest.bytes);
    expect((await kiosk.call(syncApi.changes, { query: { since: manifest.to, protocol: SYNC_PROTOCOL_VERSION } })).status).toBe(204);
  });

  it('serves a kiosk from before the protocol parameter as protocol 1', async () => {
    const res = await kiosk.call(syncApi.changes, { query: { since: 0 } });
    expect(manifestOf(res).protocol).toBe(1);
    await res.body?.cancel();
  });

  it('refuses a kiosk speaking a sync protocol central does not serve, in plain words, and sends no body', async () => {
    const newer = await refusal(kiosk.call(syncApi.changes, { query: { since: 0, protocol: SYNC_PROTOCOL_VERSION + 1 } }));
    expect([newer.status, newer.code]).toEqual([400, 'sync_protocol_unsupported']);
    expect(newer.message).toContain('请升级中心服务器');
    const malformed = await refusal(kiosk.call(syncApi.changes, { query: { since: 0, protocol: 0 } }));
    expect([malformed.status, malformed.code]).toEqual([400, 'bad_request']);
  });
});
