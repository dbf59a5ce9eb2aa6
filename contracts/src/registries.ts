import { z } from 'zod';
import { IsoDate, VillageCode } from './common';

// Registries for cross-check (大数据比对) live only at central, never on a kiosk.
// Rows carry plaintext ID numbers; they are the shape of the files the county receives.

const IdNumberText = z.string().regex(/^\d{17}[\dX]$/);

/** 户籍: one resident of the county. */
export const PersonRow = z.object({
  idNumber: IdNumberText,
  name: z.string().min(1),
  gender: z.enum(['M', 'F']),
  birthDate: IsoDate,
  villageCode: VillageCode,
  householdId: z.string().min(1),
});
export type PersonRow = z.infer<typeof PersonRow>;

/** 死亡登记 */
export const DeathRow = z.object({ idNumber: IdNumberText, name: z.string(), deathDate: IsoDate });
export type DeathRow = z.infer<typeof DeathRow>;

/** 车辆登记 */
export const VehicleRow = z.object({
  idNumber: IdNumberText,
  name: z.string(),
  plate: z.string().min(1),
  vehicleType: z.string().min(1),
  registeredDate: IsoDate,
});
export type VehicleRow = z.infer<typeof VehicleRow>;

/** 不动产登记 */
export const PropertyRow = z.object({
  idNumber: IdNumberText,
  name: z.string(),
  address: z.string().min(1),
  use: z.enum(['residential', 'commercial']),
  areaM2: z.coerce.number().positive(),
});
export type PropertyRow = z.infer<typeof PropertyRow>;

/** 公职人员 */
export const OfficialRow = z.object({
  idNumber: IdNumberText,
  name: z.string(),
  employer: z.string().min(1),
  position: z.string().min(1),
});
export type OfficialRow = z.infer<typeof OfficialRow>;

/** 工商登记: a business licence and the person who owns it. */
export const BusinessRow = z.object({
  idNumber: IdNumberText,
  name: z.string(),
  businessName: z.string().min(1),
  licenceNo: z.string().min(1),
  registeredDate: IsoDate,
});
export type BusinessRow = z.infer<typeof BusinessRow>;

/** 建档立卡贫困户: one member of a registered poverty household. */
export const PovertyRow = z.object({
  householdId: z.string().min(1),
  idNumber: IdNumberText,
  name: z.string(),
  villageCode: VillageCode,
  registeredDate: IsoDate,
});
export type PovertyRow = z.infer<typeof PovertyRow>;
