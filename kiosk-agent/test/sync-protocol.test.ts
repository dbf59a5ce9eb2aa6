import fs from 'node:fs';
import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { ApiCallError, SYNC_PROTOCOL_VERSION, type AgentEnrolment } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentStore } from '../src/content/content.store';
import { openDatabase, type Database } from '../src/platform/database';
import { pullOnce } from '../src/sync/sync-client';
import { enrolKiosk, silent, tempDir } from './support';

describe('the sync protocol the agent speaks', () => {
  let central: TestCentral;
  let enrolment: AgentEnrolment;
  let dataDir: string;
  let db: Database;
  const asked: URL[] = [];
  /** The real fetch, remembering what was asked and speaking `protocol` instead of the agent's own when set. */
  const fetchAs =
    (protocol?: number): typeof fetch =>
    (input, init) => {
      const url = new URL(String(input));
      asked.push(url);
      if (protocol !== undefined) url.searchParams.set('protocol', String(protocol));
      return fetch(url, init);
    };
  const pull = (protocol?: number) => pullOnce({ enrolment, centralUrl: central.url, content: createContentStore(db), logger: silent, fetch: fetchAs(protocol) });

  beforeAll(async () => {
    central = await startTestCentral();
    dataDir = tempDir('sync-protocol');
    enrolment = await enrolKiosk(central.url, central.enrolmentCode, dataDir);
    db = openDatabase(dataDir);
  });
  afterAll(async () => {
    db.close();
    await central.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends its sync protocol version with every pull', async () => {
    expect(await pull()).toMatchObject({ kind: 'up_to_date' });
    expect(asked.at(-1)?.searchParams.get('protocol')).toBe(String(SYNC_PROTOCOL_VERSION));
  });

  it("fails a pull central refuses for its protocol with central's code and plain words, which reach the fleet screen", async () => {
    const refused = await pull(SYNC_PROTOCOL_VERSION + 1).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ApiCallError);
    expect(refused).toMatchObject({ status: 400, code: 'sync_protocol_unsupported', message: expect.stringContaining('请升级中心服务器') });
  });
});
