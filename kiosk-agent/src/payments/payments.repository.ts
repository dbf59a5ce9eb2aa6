import type { Payment } from '@sunshine/contracts';
import type { Database } from '../platform/database';
import type { PaymentsReader } from './payments.service';

/** Records were checked against their contract schema when the sync body was applied. */
const fromJson = <T>(row: { data: string }): T => JSON.parse(row.data) as T;

/** Payments by ID hash (indexed), and the names a statement shows beside them. */
export function createPaymentsRepository(db: Database): PaymentsReader {
  const byIdHash = db.prepare<[string], { data: string }>('SELECT data FROM payments WHERE id_hash = ?');
  const programs = db.prepare<[string], { id: string; name: string | null }>(
    "SELECT id, json_extract(data, '$.name') AS name FROM programs WHERE id IN (SELECT value FROM json_each(?))",
  );
  const village = db.prepare<[string], { name: string | null }>("SELECT json_extract(data, '$.name') AS name FROM villages WHERE id = ?");
  return {
    paymentsByIdHash: (idHash) => byIdHash.all(idHash).map((row) => fromJson<Payment>(row)),
    programNames: (codes) => new Map(programs.all(JSON.stringify(codes)).flatMap((r) => (r.name === null ? [] : [[r.id, r.name] as const]))),
    villageName: (code) => village.get(code)?.name ?? null,
  };
}
