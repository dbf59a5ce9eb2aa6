import type { SyncChange, SyncTable } from '@sunshine/contracts';
import { contentTables } from './content-tables';

/** One change as the store writes it: the record's JSON and its indexed columns, or a delete. */
export interface ContentRow {
  table: SyncTable;
  id: string;
  /** The whole record as JSON; null deletes the row. */
  data: string | null;
  /** Values for the table's indexed columns, in `contentTables` order. */
  indexed: string[];
}

/** `recordJson`: the record's JSON text as received, when the caller has it. */
export function toContentRow(change: SyncChange, recordJson?: string): ContentRow {
  if (change.op === 'delete') return { table: change.table, id: change.id, data: null, indexed: [] };
  const { record } = change;
  return {
    table: change.table,
    id: String(record.id),
    data: recordJson ?? JSON.stringify(record),
    indexed: contentTables[change.table].indexed.map((c) => String(record[c.field])),
  };
}
