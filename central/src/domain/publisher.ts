import type { ContentRepository } from '../db/content.repository';
import type { RecordChange, RecordRepository } from '../db/records.repository';

export interface PublishBatch {
  changes: RecordChange[];
  identities?: { paymentId: string; idNumber: string }[];
}

export interface PublisherDeps {
  content: ContentRepository;
  records: RecordRepository;
  /** Tells connected kiosks (`content:published`) after each publish. */
  notifyPublished: (version: number) => void;
  now: () => Date;
}

/**
 * Publishes changes as the next content version. Publishes are serialised in this process,
 * so two approvals never race for one version number; each is one transaction.
 */
export function createPublisher(deps: PublisherDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    publish(
      by: string,
      summary: string,
      build: (meta: { version: number; updatedAt: string }) => PublishBatch | Promise<PublishBatch>,
    ): Promise<{ version: number; records: number }> {
      const run = queue.then(async () => {
        const version = ((await deps.content.latestVersion())?.version ?? 0) + 1;
        const publishedAt = deps.now().toISOString();
        const { changes, identities } = await build({ version, updatedAt: publishedAt });
        await deps.records.publish({ version, publishedAt, publishedBy: by, summary }, changes, identities);
        deps.notifyPublished(version);
        return { version, records: changes.length };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;
