import type { PublishResult } from '@sunshine/contracts';
import type { AuditedImportAction, ImportsTx, Provenance, RecordChange } from './imports.ports';
import type { AuditNote } from '../platform/audited-action';

export interface PublishBatch {
  changes: RecordChange[];
  identities?: { paymentId: string; idNumber: string }[];
}

/** One publish: the staff member behind it, the version's summary, the records' provenance, and the action's audit entry. */
interface PublishRequest {
  by: string;
  summary: string;
  provenance: Provenance;
  audit: (result: PublishResult) => Omit<AuditNote, 'actor'>;
}

/**
 * What a publish writes: one batch, or batches produced one after another (a county-sized
 * import is read and written a page at a time, never held whole).
 */
type PublishSource = PublishBatch | AsyncIterable<PublishBatch>;

interface PublisherDeps {
  audited: AuditedImportAction;
  /** Tells connected kiosks (`content:published`) after each publish. */
  notifyPublished: (version: number) => void;
  now: () => Date;
}

/**
 * Publishes changes as the next content version, in one transaction with the staff action's
 * audit entry: kiosks see version M or N, never a mix, and no version is published unaudited.
 * Publishes are serialised in this process, so two approvals never race for one version
 * number. `build` reads only through its `tx`: the transaction holds the store.
 */
export function createPublisher(deps: PublisherDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    publish(
      request: PublishRequest,
      build: (meta: { version: number; updatedAt: string }, tx: ImportsTx) => PublishSource | Promise<PublishSource>,
    ): Promise<PublishResult> {
      const run = queue.then(async () => {
        const result = await deps.audited(
          async (tx) => {
            const version = ((await tx.content.latestVersion())?.version ?? 0) + 1;
            const meta = { version, publishedAt: deps.now().toISOString(), publishedBy: request.by, summary: request.summary };
            await tx.records.createVersion(meta);
            let records = 0;
            for await (const batch of asBatches(await build({ version, updatedAt: meta.publishedAt }, tx))) {
              await tx.records.writeChanges(meta, batch.changes, batch.identities);
              records += batch.changes.length;
            }
            await tx.records.recordProvenance(meta, request.provenance);
            return { version, records };
          },
          (result) => ({ actor: request.by, ...request.audit(result) }),
        );
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
