import type { RouteSpec } from '../route';
import { settingsApi } from './central-settings';

export * from './central-settings';

/** Every route central serves, by feature: mounted by central, called by its clients. */
export const centralApi = {
  settings: settingsApi,
} as const;

/** Each group of routes with its table in docs/api.md (`<!-- routes:GROUP -->`). */
export const apiGroups: Record<string, Record<string, RouteSpec>> = {
  'central.settings': settingsApi,
};
