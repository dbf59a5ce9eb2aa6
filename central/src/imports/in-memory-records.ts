import type { RecordHistoryEntry, SyncTable } from '@sunshine/contracts';
import type { PublishedRecord, PublishMeta, RecordStore } from './imports.ports';

/** A published record as the twin keeps it: `owner` is its `record_owners` row, if any. */
interface MemoryRecord {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
  version: number;
  deleted: boolean;
  owner: string | null;
}

export interface MemoryRecordState {
  records: Map<string, MemoryRecord>;
  history: (RecordHistoryEntry & { table: SyncTable; id: string })[];
  versions: PublishMeta[];
  identities: Map<string, string>;
}

export const recordKey = (table: SyncTable, id: string) => `${table}/${id}`;

export const emptyRecordState = (): MemoryRecordState => ({ records: new Map(), history: [], versions: [], identities: new Map() });

const toPublished = (r: MemoryRecord): PublishedRecord => ({ data: r.data, version: r.version, deleted: r.deleted, department: r.owner });

/**
 * `RecordStore` over maps, for the imports services' unit tests: the same answers as
 * `records.repository` gives over SQL, without a database.
 */
export function createMemoryRecords(state: MemoryRecordState): RecordStore {
  const all = () => [...state.records.values()];
  const live = (table: SyncTable) => all().filter((r) => r.table === table && !r.deleted);
  const findMany = async (table: SyncTable, ids: readonly string[]) => {
    const found = new Map<string, PublishedRecord>();
    for (const id of ids) {
      const record = state.records.get(recordKey(table, id));
      if (record) found.set(id, toPublished(record));
    }
    return found;
  };
  return {
    find: async (table, id) => (await findMany(table, [id])).get(id) ?? null,
    findMany,
    async liveOwners(table, ids) {
      const wanted = new Set(ids);
      const department = (r: MemoryRecord) => r.owner ?? (typeof r.data.department === 'string' ? r.data.department : null);
      return new Map(live(table).filter((r) => wanted.has(r.id)).map((r) => [r.id, department(r)]));
    },
    async liveData(table, ids) {
      const wanted = new Set(ids);
      return new Map(live(table).filter((r) => wanted.has(r.id)).map((r) => [r.id, r.data]));
    },
    async *livePages(table, size) {
      const rows = live(table).sort((a, b) => (a.id < b.id ? -1 : 1));
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size).map((r) => ({ id: r.id, data: r.data }));
    },
    liveProjectIdsOf: async (department) => new Set(live('projects').filter((r) => r.data.department === department).map((r) => r.id)),
    liveCodes: async (table) => new Set(live(table).map((r) => r.id)),
    async createVersion(meta) {
      state.versions.push(meta);
    },
    async writeChanges(meta, changes, identities = []) {
      for (const { table, id, data } of changes) {
        const before = state.records.get(recordKey(table, id));
        // A tombstone keeps the last live state, as the store does.
        const kept = data ?? before?.data ?? { id };
        state.records.set(recordKey(table, id), { table, id, data: kept, version: meta.version, deleted: data === null, owner: before?.owner ?? null });
      }
      for (const { paymentId, idNumber } of identities) state.identities.set(paymentId, idNumber);
    },
    async recordProvenance(meta, provenance) {
      for (const record of all().filter((r) => r.version === meta.version)) {
        record.owner = provenance.department;
        state.history.push({
          table: record.table,
          id: record.id,
          version: meta.version,
          action: provenance.action,
          changedAt: meta.publishedAt,
          changedBy: meta.publishedBy,
          importId: provenance.importId,
          reason: provenance.reason,
          data: record.deleted ? null : record.data,
        });
      }
    },
    async history(table, id) {
      return state.history
        .filter((h) => h.table === table && h.id === id)
        .reverse()
        .map(({ table: _table, id: _id, ...entry }) => entry);
    },
  };
}
