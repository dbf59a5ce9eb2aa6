import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTicketNumber } from '@sunshine/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxRepository } from './outbox.repository';
import { openDatabase } from '../platform/database';

const dirs: string[] = [];
function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-outbox-'));
  dirs.push(dir);
  return { dir, db: openDatabase(dir) };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const build = (sequence: number) => ({ category: 'other', text: 't', ticketNumber: makeTicketNumber(5, sequence), pin: '0420', submittedAt: new Date().toISOString() });

describe('complaint outbox', () => {
  it('numbers complaints 1, 2, 3 and keeps the sequence across a restart', () => {
    const { dir, db } = open();
    const repo = createOutboxRepository(db);
    expect([repo.add(build), repo.add(build)].map((c) => c.ticketNumber)).toEqual([makeTicketNumber(5, 1), makeTicketNumber(5, 2)]);
    db.close();
    const again = openDatabase(dir);
    expect(createOutboxRepository(again).add(build).ticketNumber).toBe(makeTicketNumber(5, 3));
    again.close();
  });

  it('takes no number when the complaint cannot be stored', () => {
    const { db } = open();
    const repo = createOutboxRepository(db);
    expect(() =>
      repo.add(() => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(repo.add(build).ticketNumber).toBe(makeTicketNumber(5, 1));
    db.close();
  });

  it('drops the complaint’s content once delivered and keeps a refused one for staff', () => {
    const { db } = open();
    const repo = createOutboxRepository(db);
    const a = repo.add(build);
    const b = repo.add(build);
    repo.markDelivered(a.ticketNumber, new Date());
    repo.markFailed(b.ticketNumber, '400 bad_request: no');
    expect(repo.due(10)).toEqual([]);
    expect(repo.counts()).toEqual({ pending: 0, delivered: 1, failed: 1 });
    expect(repo.get(b.ticketNumber)).toMatchObject({ state: 'failed', lastError: '400 bad_request: no', pin: '0420' });
    const payload = db.prepare<[string], { payload: string | null }>('SELECT payload FROM complaints WHERE ticket_number = ?');
    expect(payload.get(a.ticketNumber)?.payload).toBeNull();
    expect(payload.get(b.ticketNumber)?.payload).not.toBeNull();
    db.close();
  });
});
