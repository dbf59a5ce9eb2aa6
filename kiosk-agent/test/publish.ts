import type { TestCentral } from '@sunshine/central/testing';
import type { Notice } from '@sunshine/contracts';

/** Marks the bulk notices of version `version`, so a test can tell M's data from N's. */
export const bulkId = (version: number, i: number) => `bulk-${version}-${i}`;

/**
 * Publishes a new version at a real central straight into its store (as its publishing
 * does): `count` new notices, each titled with the version, and the deletes given.
 */
export async function publishBulk(central: TestCentral, count: number, deletes: { table: string; id: string }[] = []): Promise<number> {
  const latest = await central.db.selectFrom('content_versions').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  const version = (latest?.version ?? 0) + 1;
  const now = new Date().toISOString();
  await central.db.transaction().execute(async (trx) => {
    await trx.insertInto('content_versions').values({ version, published_at: now, published_by: 'test', summary: `bulk ${count}` }).execute();
    for (let start = 0; start < count; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
        const notice: Notice = {
          id: bulkId(version, start + k),
          version,
          updatedAt: now,
          sourceImportId: 'test',
          title: `第${version}版公告 ${start + k}`,
          body: '测试公告正文',
          category: 'village',
          scopeCode: '000000',
          publishDate: '2026-01-01',
          expiryDate: null,
        };
        return { table_name: 'notices', id: notice.id, version, deleted: 0, data: JSON.stringify(notice) };
      });
      await trx.insertInto('content_records').values(rows).execute();
    }
    for (const d of deletes) {
      await trx.updateTable('content_records').set({ version, deleted: 1 }).where('table_name', '=', d.table).where('id', '=', d.id).execute();
    }
  });
  return version;
}
