import type { ImportProblem, ImportReport, SyncTable } from '@sunshine/contracts';
import type { AuditedImportAction, ImportsTx, ImportStore, StagedIdSample } from './imports.ports';
import type { AuditNote } from '../platform/audited-action';
import { createMemoryRecords, emptyRecordState, recordKey, type MemoryRecordState } from './in-memory-records';

/** A staged row as the twin keeps it; `baseVersion` is set for a single-record change. */
interface MemoryRow {
  row: number;
  id: string;
  key: string | null;
  data: Record<string, unknown>;
  baseVersion: number | null;
}

interface MemoryState extends MemoryRecordState {
  imports: Map<number, Omit<ImportReport, 'problems'>>;
  rows: Map<number, MemoryRow[]>;
  problems: Map<number, ImportProblem[]>;
  audit: AuditNote[];
}

const sample = (rows: readonly MemoryRow[], first: number): StagedIdSample => ({ ids: rows.slice(0, first).map((r) => r.id), total: rows.length });

/** `ImportStore` over maps, for the imports services' unit tests (see `imports.repository` for the SQL). */
function createMemoryImports(state: MemoryState): ImportStore {
  let lastId = 0;
  const rowsOf = (importId: number) => [...(state.rows.get(importId) ?? [])].sort((a, b) => a.row - b.row);
  const problemsOf = (importId: number) => [...(state.problems.get(importId) ?? [])].sort((a, b) => a.row - b.row);
  const addProblems = (importId: number, problems: readonly ImportProblem[]) => state.problems.set(importId, [...(state.problems.get(importId) ?? []), ...problems]);
  const record = (table: SyncTable, id: string) => state.records.get(recordKey(table, id));
  const open = (meta: Omit<ImportReport, 'importId' | 'problems' | 'version' | 'reviewedBy' | 'reviewReason'>) => {
    const importId = ++lastId;
    state.imports.set(importId, { ...meta, importId, version: null, reviewedBy: null, reviewReason: null });
    return importId;
  };
  return {
    async begin(meta) {
      return open({ ...meta, record: null, status: 'receiving', rows: 0, validRows: 0 });
    },
    async stageRecordChange(change) {
      const { record, data, baseVersion, createdBy, createdAt, mode, reason, department } = change;
      const importId = open({ contentType: record.table, mode, reason, department, record, fileName: null, status: 'staged', createdBy, createdAt, rows: 1, validRows: 1 });
      state.rows.set(importId, [{ row: 1, id: record.id, key: null, data, baseVersion }]);
      return importId;
    },
    async stage(importId, valid, problems) {
      state.rows.set(importId, [...rowsOf(importId), ...valid.map((v) => ({ row: v.row, id: v.id, key: v.key, data: v.data, baseVersion: null }))]);
      addProblems(importId, problems);
    },
    async laterDuplicates(importId, by) {
      const value = (r: MemoryRow) => (by === 'id' ? r.id : r.key);
      const firstRows = new Map<string, number>();
      const later: { row: number; firstRow: number; id: string }[] = [];
      for (const r of rowsOf(importId)) {
        const key = value(r);
        if (key === null) continue;
        const firstRow = firstRows.get(key);
        if (firstRow === undefined) firstRows.set(key, r.row);
        else later.push({ row: r.row, firstRow, id: r.id });
      }
      return later;
    },
    async unstage(importId, problems) {
      const gone = new Set(problems.map((p) => p.row));
      state.rows.set(importId, rowsOf(importId).filter((r) => !gone.has(r.row)));
      addProblems(importId, problems);
    },
    async finish(importId, counts) {
      const found = state.imports.get(importId);
      if (found) state.imports.set(importId, { ...found, status: 'staged', rows: counts.rows, validRows: counts.validRows });
    },
    async discard(importId) {
      state.rows.delete(importId);
      state.problems.delete(importId);
      if (state.imports.get(importId)?.status === 'receiving') state.imports.delete(importId);
    },
    async find(importId) {
      const found = state.imports.get(importId);
      return found ? { ...found, problems: problemsOf(importId) } : null;
    },
    async list(page, filter) {
      const ids = [...state.imports.keys()].sort((a, b) => b - a).filter((id) => !filter.department || state.imports.get(id)?.department === filter.department);
      return ids.slice(page.offset, page.offset + page.limit).flatMap((id) => {
        const found = state.imports.get(id);
        return found ? [{ ...found, problems: problemsOf(id).slice(0, filter.problemsEach) }] : [];
      });
    },
    async *stagedPages(importId, size) {
      const rows = rowsOf(importId);
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size).map((r) => ({ id: r.id, row: r.row, data: { ...r.data, id: r.id } }));
    },
    async review(importId, review) {
      const found = state.imports.get(importId);
      if (found?.status !== 'staged') return false;
      state.imports.set(importId, { ...found, status: review.status, reviewedBy: review.by, version: review.version, reviewReason: review.reason });
      return true;
    },
    stagedIdsLive: async (importId, table, first) => sample(rowsOf(importId).filter((r) => record(table, r.id)?.deleted === false), first),
    async stagedIdsNotOwned(importId, table, department, first) {
      // As in SQL, a record without an owner row is the county's load, checked on upload.
      const stale = (r: MemoryRow) => {
        const found = record(table, r.id);
        return !found || found.deleted || (found.owner !== null && found.owner !== department);
      };
      return sample(rowsOf(importId).filter(stale), first);
    },
    async stagedIdsChanged(importId, table, first) {
      const moved = (r: MemoryRow) => {
        const found = record(table, r.id);
        return r.baseVersion !== null && (!found || found.deleted || found.version !== r.baseVersion);
      };
      return sample(rowsOf(importId).filter(moved), first);
    },
    async dropStagedRows(importId) {
      state.rows.delete(importId);
    },
  };
}

/**
 * The imports' stores over maps, and a unit of work over them: `audited` runs the action on the
 * same stores and keeps its audit note, or, when the action throws, puts every map back as it
 * was, as the SQL transaction's rollback does.
 */
export function createMemoryStores() {
  const state: MemoryState = { ...emptyRecordState(), imports: new Map(), rows: new Map(), problems: new Map(), audit: [] };
  const tx: ImportsTx = {
    imports: createMemoryImports(state),
    records: createMemoryRecords(state),
    content: { latestVersion: async () => state.versions.at(-1) ?? null },
  };
  const audited: AuditedImportAction = async (fn, note) => {
    const before = structuredClone(state);
    try {
      const result = await fn(tx);
      state.audit.push(note(result));
      return result;
    } catch (err) {
      Object.assign(state, before);
      throw err;
    }
  };
  /** Publishes one record as the next version: the county's load (no owner) or a department's publish. */
  const seed = async (table: SyncTable, data: Record<string, unknown> & { id: string }, owner: string | null = null): Promise<number> => {
    const meta = { version: (state.versions.at(-1)?.version ?? 0) + 1, publishedAt: '2026-11-02T02:00:00.000Z', publishedBy: 'system', summary: 'seed' };
    await tx.records.createVersion(meta);
    await tx.records.writeChanges(meta, [{ table, id: data.id, data: { ...data, version: meta.version } }]);
    if (owner !== null) await tx.records.recordProvenance(meta, { action: 'import', department: owner, importId: null, reason: null });
    return meta.version;
  };
  return { state, ...tx, audited, seed };
}
