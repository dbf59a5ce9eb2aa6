import type { RouteSpec } from '../route';
import { auditApi } from './central-audit';
import { kioskApi } from './central-kiosk-api';
import { settingsApi } from './central-settings';
import { staffApi } from './central-staff';
import { statisticsApi } from './central-statistics';
import { ticketsApi } from './central-tickets';

export * from './central-audit';
export * from './central-kiosk-api';
export * from './central-settings';
export * from './central-staff';
export * from './central-statistics';
export * from './central-tickets';

/** Every route central serves, by feature: mounted by central, called by its clients. */
export const centralApi = {
  audit: auditApi,
  kioskApi,
  settings: settingsApi,
  staff: staffApi,
  statistics: statisticsApi,
  tickets: ticketsApi,
} as const;

/** Each group of routes with its table in docs/api.md (`<!-- routes:GROUP -->`). */
export const apiGroups: Record<string, Record<string, RouteSpec>> = {
  'central.audit': auditApi,
  'central.kiosk-api': kioskApi,
  'central.settings': settingsApi,
  'central.staff': staffApi,
  'central.statistics': statisticsApi,
  'central.tickets': ticketsApi,
};
