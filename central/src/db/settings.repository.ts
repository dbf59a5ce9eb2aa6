import type { Db } from './database';

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
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
