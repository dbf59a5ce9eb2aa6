import { VillageCode } from '@sunshine/contracts';
import type { Database } from '../platform/database';
import type { PlaceMemory } from './place.service';

const CENTRAL_VILLAGE = 'central_village_code';

/** The village central named in its last heartbeat answer, kept in `meta` across restarts. */
export function createPlaceRepository(db: Database): PlaceMemory {
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const deleteMeta = db.prepare<[string]>('DELETE FROM meta WHERE key = ?');
  const centralVillageCode = (): string | null => {
    const parsed = VillageCode.safeParse(getMeta.get(CENTRAL_VILLAGE)?.value);
    return parsed.success ? parsed.data : null;
  };

  return {
    centralVillageCode,
    saveCentralVillageCode(villageCode: string | null): void {
      if (villageCode === null) deleteMeta.run(CENTRAL_VILLAGE);
      else setMeta.run(CENTRAL_VILLAGE, villageCode);
    },
  };
}
