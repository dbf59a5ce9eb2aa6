import type { ContentRepository } from '../db/content.repository';
import type { ImportRepository } from '../db/imports.repository';
import type { Provenance, RecordChange, RecordRepository } from '../db/records.repository';

export interface PublishBatch {
  changes: RecordChange[];
  identities?: { paymentId: string; idNumber: string }[];
}

/** The repositories of one publish, all on its one transaction. */
export interface PublishTx {
  content: ContentRepository;
  records: RecordRepository;
  imports: ImportRepository;
}
export type PublishUnitOfWork = <T>(fn: (tx: PublishTx) => Promise<T>) => Promise<T>;

/**
 * What a publish writes: one batch, or batches produced one after another (a county-sized
 * import is read and written a page at a time, never held whole).
 */
export type PublishSource = PublishBatch | AsyncIterable<PublishBatch>;

export interface PublisherDeps {
  atomic: PublishUnitOfWork;
  /** Tells connected kiosks (`content:published`) after each publish. */
  notifyPublished: (version: number) => void;
  now: () => Date;
}

/**
 * Publishes changes as the next content version, in one transaction: kiosks see version M or
 * N, never a mix. Publishes are serialised in this process, so two approvals never race for
 * one version number. `build` reads only through its `tx`: the transaction holds the store.
 */
export function createPublisher(deps: PublisherDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    publish(
      by: string,
      summary: string,
      provenance: Provenance,
      build: (meta: { version: number; updatedAt: string }, tx: PublishTx) => PublishSource | Promise<PublishSource>,
    ): Promise<{ version: number; records: number }> {
      const run = queue.then(async () => {
        const result = await deps.atomic(async (tx) => {
          const version = ((await tx.content.latestVersion())?.version ?? 0) + 1;
          const meta = { version, publishedAt: deps.now().toISOString(), publishedBy: by, summary };
          await tx.records.createVersion(meta);
          let records = 0;
          for await (const batch of asBatches(await build({ version, updatedAt: meta.publishedAt }, tx))) {
            await tx.records.writeChanges(meta, batch.changes, batch.identities);
            records += batch.changes.length;
          }
          await tx.records.recordProvenance(meta, provenance);
          return { version, records };
        });
        deps.notifyPublished(result.version);
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;

function asBatches(source: PublishSource): AsyncIterable<PublishBatch> | PublishBatch[] {
  return Symbol.asyncIterator in source ? source : [source];
}
