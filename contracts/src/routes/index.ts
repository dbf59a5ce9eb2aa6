import type { RouteSpec } from '../route';
import { kioskApi } from './central-kiosk-api';
import { settingsApi } from './central-settings';
import { ticketsApi } from './central-tickets';

export * from './central-kiosk-api';
export * from './central-settings';
export * from './central-tickets';

/** Every route central serves, by feature: mounted by central, called by its clients. */
export const centralApi = {
  kioskApi,
  settings: settingsApi,
  tickets: ticketsApi,
} as const;

/** Each group of routes with its table in docs/api.md (`<!-- routes:GROUP -->`). */
export const apiGroups: Record<string, Record<string, RouteSpec>> = {
  'central.kiosk-api': kioskApi,
  'central.settings': settingsApi,
  'central.tickets': ticketsApi,
};
