import type { SyncTable } from '@sunshine/contracts';

export interface PublishedVersion {
  version: number;
  publishedAt: string;
}

/** The latest state of one published record: its JSON text as stored, or a tombstone. */
export interface ContentChange {
  table: SyncTable;
  id: string;
  deleted: boolean;
  data: string;
}

export interface PublishedVersions {
  /** The newest published version; null before the first publish. */
  latestVersion(): Promise<PublishedVersion | null>;
}

export interface ChangeSource {
  /** Latest state of every key changed after `from` (all live records when `from` is 0). */
  streamChangesSince(from: number): AsyncIterable<ContentChange>;
}
