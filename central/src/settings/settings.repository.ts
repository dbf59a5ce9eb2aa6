import type { Db } from '../platform/database';

/** Owns small JSON settings by key. */
export function createSettingsRepository(db: Db) {
  return {
    async get(key: string): Promise<unknown> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row ? JSON.parse(row.value) : undefined;
    },
    async set(key: string, value: unknown): Promise<void> {
      const text = JSON.stringify(value);
      await db.insertInto('settings').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
    },
    /** Every setting whose key starts with `prefix` (one per year, one per kind…), by key. */
    async listByPrefix(prefix: string): Promise<{ key: string; value: unknown }[]> {
      // LIKE reads `_` as any character, so each key is checked again for the exact prefix.
      const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${prefix}%`).orderBy('key').execute();
      return rows.filter((r) => r.key.startsWith(prefix)).map((r) => ({ key: r.key, value: JSON.parse(r.value) }));
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
