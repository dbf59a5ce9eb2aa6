import { z } from 'zod';
import { RecordMeta, TownCode, VillageCode } from './common';

/** 乡镇. `id` equals `code`. */
export const Town = RecordMeta.extend({
  code: TownCode,
  name: z.string().min(1),
});
export type Town = z.infer<typeof Town>;

/** 村/社区. `id` equals `code`. */
export const Village = RecordMeta.extend({
  code: VillageCode,
  name: z.string().min(1),
  townCode: TownCode,
  kind: z.enum(['village', 'community']),
});
export type Village = z.infer<typeof Village>;
