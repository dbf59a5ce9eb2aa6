import type { ComplaintSubject } from '@sunshine/contracts';
import { z } from 'zod';
import type { Db } from '../platform/database';
import type { PlaceLookup, VillagePlace } from './fleet.ports';

export interface PlaceRepository extends PlaceLookup {
  /**
   * Where a complaint subject is: its village code, or a notice's or project's scope code
   * (county, town or village). Null for an unknown kind or record, or one with no place.
   */
  subjectPlace(subject: { kind: string; id: string }): Promise<string | null>;
}

const VillageData = z.object({ code: z.string(), name: z.string(), townCode: z.string() });
const TownData = z.object({ code: z.string(), name: z.string() });
const PlacedData = z.object({ villageCode: z.string().optional(), scopeCode: z.string().optional() });

/** Where each kind of complaint subject is published. */
const SUBJECT_TABLES = { payment: 'payments', project: 'projects', finance_line: 'financeLines', notice: 'notices' } as const satisfies Record<ComplaintSubject['kind'], string>;

// SQLite allows 32766 bound parameters; 500 codes a query stays far below.
const BATCH = 500;

/** Reads the county's geography (villages and towns) from the published content. */
export function createPlaceRepository(db: Db): PlaceRepository {
  const liveRecords = async (table: 'villages' | 'towns', ids: readonly string[]): Promise<unknown[]> => {
    const found: unknown[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const rows = await db.selectFrom('content_records').select('data').where('table_name', '=', table).where('deleted', '=', 0).where('id', 'in', ids.slice(i, i + BATCH)).execute();
      for (const r of rows) found.push(JSON.parse(r.data));
    }
    return found;
  };

  return {
    async villagePlaces(codes: Iterable<string>): Promise<Map<string, VillagePlace>> {
      const wanted = [...new Set(codes)];
      if (wanted.length === 0) return new Map();
      const villages = (await liveRecords('villages', wanted)).map((v) => VillageData.parse(v));
      const towns = new Map((await liveRecords('towns', [...new Set(villages.map((v) => v.townCode))])).map((t) => TownData.parse(t)).map((t) => [t.code, t.name]));
      return new Map(villages.map((v) => [v.code, { villageCode: v.code, villageName: v.name, townCode: v.townCode, townName: towns.get(v.townCode) ?? null }]));
    },

    async subjectPlace(subject: { kind: string; id: string }): Promise<string | null> {
      const table = Object.entries(SUBJECT_TABLES).find(([kind]) => kind === subject.kind)?.[1];
      if (!table) return null;
      // A withdrawn subject still says where it was: a tombstone keeps its last state.
      const row = await db.selectFrom('content_records').select('data').where('table_name', '=', table).where('id', '=', subject.id).executeTakeFirst();
      if (!row) return null;
      const data = PlacedData.safeParse(JSON.parse(row.data));
      return data.success ? (data.data.villageCode ?? data.data.scopeCode ?? null) : null;
    },
  };
}
