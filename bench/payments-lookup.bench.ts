import crypto from 'node:crypto';
import path from 'node:path';
import { agentApi, makeIdNumber, urlOf } from '@sunshine/contracts';
import { readEnrolment } from '@sunshine/kiosk-agent';
import SQLite from 'better-sqlite3';
import { agentFixture, spawnAgent } from './agent-fixture';
import { percentile, result, round, type Benchmark } from './harness';

const LOOKUPS = 2000;

/**
 * 查补贴 over the HTTP API of an agent in its own process (check digit, HMAC, indexed query, JSON) against a bare
 * better-sqlite3 indexed query for the same hashes.
 */
export const paymentsLookup: Benchmark = {
  name: 'payments-lookup',
  async run() {
    const fixture = await agentFixture();
    const enrolment = readEnrolment(fixture.agentDir);
    if (!enrolment) throw new Error('fixture kiosk is not enrolled');
    const people = fixture.county.samplePeople.map((p) => p.idNumber);
    // Half are people with payments, half valid numbers nobody has.
    const ids = Array.from({ length: LOOKUPS }, (_, i) => (i % 2 === 0 ? (people[i % people.length] ?? '') : makeIdNumber('110105', '1960-01-01', i % 1000)));

    const agent = await spawnAgent(fixture);
    const http: number[] = [];
    const lookup = agentApi.villager.lookupPayments;
    const url = agent.url + urlOf(lookup);
    try {
      for (const [i, idNumber] of ids.entries()) {
        const start = performance.now();
        // A bare fetch, not the typed client: the figure is the agent's answer, without the client's schema check.
        const res = await fetch(url, { method: lookup.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber }) });
        await res.json();
        if (i >= 100) http.push(performance.now() - start); // the first 100 warm up
      }
    } finally {
      agent.stop();
    }

    const db = new SQLite(path.join(fixture.agentDir, 'kiosk.sqlite'), { readonly: true });
    const query = db.prepare('SELECT data FROM payments WHERE id_hash = ?');
    const key = Buffer.from(enrolment.lookupKey, 'hex');
    const bare: number[] = [];
    for (const [i, idNumber] of ids.entries()) {
      const hash = crypto.createHmac('sha256', key).update(idNumber).digest('hex');
      const start = performance.now();
      query.all(hash);
      if (i >= 100) bare.push(performance.now() - start);
    }
    db.close();
    http.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const p99 = percentile(http, 99);
    return [
      result({ name: `payments lookup p50 over HTTP (${LOOKUPS} lookups) vs bare indexed query`, value: round(percentile(http, 50), 2), unit: 'ms', baseline: round(percentile(bare, 50), 3), target: 'report', pass: true }),
      result({ name: 'payments lookup p99 over HTTP vs bare indexed query', value: round(p99, 2), unit: 'ms', baseline: round(percentile(bare, 99), 3), target: 'p99 < 20 ms', pass: p99 < 20 }),
    ];
  },
};
