import type { ImportChanged, ImportContentType, ImportMode, ImportProblem, ImportReport, RecordHistoryEntry, StagedRecord, SyncTable } from '@sunshine/contracts';
import type { ValidRow } from './import-validation';
import type { AuditedWith } from '../platform/audited-action';

/*
 * What the imports use cases need from the store, declared here so that they depend on no
 * database module: `imports.repository` and `records.repository` implement these over SQL,
 * `in-memory-stores` over maps for the services' unit tests.
 */

/** Tells open consoles that an import changed (`import:changed` on `/staff`); they read it again over HTTP. */
export interface ImportAnnouncer {
  'import:changed': (change: ImportChanged) => void;
}

export interface StagedRow {
  id: string;
  /** Its row in the uploaded file (the header is row 1). */
  row: number;
  data: Record<string, unknown> & { id: string };
}

/** Some staged ids (the first few, in file order) and how many there are in all. */
export interface StagedIdSample {
  ids: string[];
  total: number;
}

export interface NewImport {
  contentType: ImportContentType;
  mode: ImportMode;
  reason: string | null;
  department: string;
  fileName: string | null;
  createdBy: string;
  createdAt: string;
}

/** A single-record change to stage: the record's next state (none for a withdrawal's) and the version it was computed from. */
export interface NewRecordChange extends Omit<NewImport, 'contentType' | 'fileName'> {
  record: StagedRecord;
  data: Record<string, unknown>;
  baseVersion: number;
}

export interface ImportReview {
  status: 'approved' | 'rejected';
  by: string;
  at: string;
  version: number | null;
  reason: string | null;
}

/** Uploads and single-record changes: their staged rows, their problems and their review. */
export interface ImportStore {
  begin(meta: NewImport): Promise<number>;
  stageRecordChange(change: NewRecordChange): Promise<number>;
  stage(importId: number, valid: readonly ValidRow[], problems: readonly ImportProblem[]): Promise<void>;
  /** Staged rows repeating the id (or natural key) of an earlier staged row, each with that row. */
  laterDuplicates(importId: number, by: 'id' | 'naturalKey'): Promise<{ row: number; firstRow: number; id: string }[]>;
  unstage(importId: number, problems: readonly ImportProblem[]): Promise<void>;
  finish(importId: number, counts: { rows: number; validRows: number }): Promise<void>;
  discard(importId: number): Promise<void>;
  find(importId: number): Promise<ImportReport | null>;
  /** A page of imports, newest first, each with its first `problemsEach` problems; of one department when named. */
  list(page: { limit: number; offset: number }, filter: { department?: string; problemsEach: number }): Promise<ImportReport[]>;
  stagedPages(importId: number, size: number): AsyncIterable<StagedRow[]>;
  /** Moves a `staged` import to its review, once; false when it was not staged any more. */
  review(importId: number, review: ImportReview): Promise<boolean>;
  stagedIdsLive(importId: number, table: SyncTable, first: number): Promise<StagedIdSample>;
  stagedIdsNotOwned(importId: number, table: SyncTable, department: string, first: number): Promise<StagedIdSample>;
  stagedIdsChanged(importId: number, table: SyncTable, first: number): Promise<StagedIdSample>;
  dropStagedRows(importId: number): Promise<void>;
}

/** One change of a publish: an upsert (with the record's new state) or, with `data` null, a withdrawal. */
export interface RecordChange {
  table: SyncTable;
  id: string;
  data: Record<string, unknown> | null;
}

/** Who and what is behind every change of one publish: the records' owner and history say so. */
export interface Provenance {
  action: 'import' | 'correct' | 'withdraw';
  department: string;
  importId: number | null;
  reason: string | null;
}

export interface PublishMeta {
  version: number;
  publishedAt: string;
  publishedBy: string;
  summary: string;
}

/** A published record (live or a tombstone) with the version of its last change and its owner, if any. */
export interface PublishedRecord {
  data: Record<string, unknown>;
  version: number;
  deleted: boolean;
  department: string | null;
}

/** Published records as departments change them: owners, history, tombstones. */
export interface RecordStore {
  find(table: SyncTable, id: string): Promise<PublishedRecord | null>;
  /** The records of `table` among `ids` (live or tombstones), by id. */
  findMany(table: SyncTable, ids: readonly string[]): Promise<Map<string, PublishedRecord>>;
  /** The live records of `table` among `ids`, each with its department (null when unknown). */
  liveOwners(table: SyncTable, ids: readonly string[]): Promise<Map<string, string | null>>;
  liveData(table: SyncTable, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
  livePages(table: SyncTable, size: number): AsyncIterable<{ id: string; data: Record<string, unknown> }[]>;
  liveProjectIdsOf(department: string): Promise<Set<string>>;
  liveCodes(table: 'villages' | 'programs'): Promise<Set<string>>;
  createVersion(meta: PublishMeta): Promise<void>;
  writeChanges(meta: PublishMeta, changes: readonly RecordChange[], identities?: readonly { paymentId: string; idNumber: string }[]): Promise<void>;
  recordProvenance(meta: PublishMeta, provenance: Provenance): Promise<void>;
  history(table: SyncTable, id: string): Promise<RecordHistoryEntry[]>;
}

/** The stores an import's transaction reaches: its own, the records, and the latest content version. */
export interface ImportsTx {
  imports: ImportStore;
  records: RecordStore;
  content: { latestVersion(): Promise<{ version: number } | null> };
}

/** A record of the county's first load, as published. */
export interface CountyRow {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
}

/** Where the county loaded on first start is published: a system action outside review, in one transaction. */
export interface CountyStore {
  latestVersion(): Promise<{ version: number } | null>;
  publish(
    version: { version: number; publishedAt: string; publishedBy: string; summary: string },
    rows: Iterable<CountyRow>,
    identities: Iterable<{ paymentId: string; idNumber: string }>,
  ): Promise<void>;
}

/** A staff action of the imports and its audit entry, in one transaction over `ImportsTx`. */
export type AuditedImportAction = AuditedWith<ImportsTx>;
