import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An ISO timestamp with offset, e.g. `2026-11-26T08:00:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A disclosure period: a month `YYYY-MM` or a whole year `YYYY`. */
export const Period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period must be YYYY or YYYY-MM');
/** Money is always integer fen (分), never floats. */
export const Fen = z.number().int().safe();
export const NonNegativeFen = Fen.nonnegative();

/** Administrative division codes: county 6 digits, town 9, village 12. */
export const TownCode = z.string().regex(/^\d{9}$/);
export const VillageCode = z.string().regex(/^\d{12}$/);
/** A scope is the county, a town or a village, by its code. */
export const ScopeCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/);

/** Fields every published record carries (docs/design.md §3). */
export const RecordMeta = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().positive(),
  updatedAt: IsoDateTime,
  sourceImportId: z.string().min(1),
});
export type RecordMeta = z.infer<typeof RecordMeta>;
