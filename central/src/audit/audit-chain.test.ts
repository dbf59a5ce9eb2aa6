import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEntry, verifyAuditChain, type ChainedAuditEntry } from './audit-chain';

function chain(n: number): ChainedAuditEntry[] {
  const out: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const entry = { id, at: `2026-11-26T08:00:0${id}Z`, actor: 'admin', action: 'ticket.reply', target: `t${id}`, details: '{}' };
    const hash = hashAuditEntry(prev, entry);
    out.push({ ...entry, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('accepts an untouched chain', async () => {
    expect(await verifyAuditChain(chain(5))).toEqual({ ok: true, entries: 5 });
  });

  it('finds the entry whose content was edited', async () => {
    const entries = chain(5);
    const third = entries[2];
    if (third) third.actor = 'someone-else';
    expect(await verifyAuditChain(entries)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('finds a deleted entry', async () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(await verifyAuditChain(entries)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('finds an entry rehashed without relinking the next one', async () => {
    const entries = chain(4);
    const second = entries[1];
    if (second) {
      second.details = '{"forged":true}';
      second.hash = hashAuditEntry(second.prevHash, second);
    }
    expect(await verifyAuditChain(entries)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('checks a chain read as a stream, as the store yields it', async () => {
    async function* stream(entries: ChainedAuditEntry[]) {
      yield* entries;
    }
    expect(await verifyAuditChain(stream(chain(3)))).toEqual({ ok: true, entries: 3 });
    const edited = chain(3);
    const first = edited[0];
    if (first) first.action = 'ticket.close';
    expect(await verifyAuditChain(stream(edited))).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
