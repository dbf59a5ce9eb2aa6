import type { RouteSpec } from '../route';
import { agentContentApi } from './agent-content';
import { agentHealthApi } from './agent-health';
import { agentPrintingApi } from './agent-printing';
import { agentSpeechApi } from './agent-speech';
import { agentStaffApi } from './agent-staff';
import { agentVillagerApi } from './agent-villager';
import { auditApi } from './central-audit';
import { fleetApi } from './central-fleet';
import { healthApi } from './central-health';
import { importsApi } from './central-imports';
import { kioskApi } from './central-kiosk-api';
import { settingsApi } from './central-settings';
import { staffApi } from './central-staff';
import { statisticsApi } from './central-statistics';
import { syncApi } from './central-sync';
import { ticketsApi } from './central-tickets';
import { virtualPrinterApi } from './virtual-printer';

export * from './agent-content';
export * from './agent-health';
export * from './agent-printing';
export * from './agent-speech';
export * from './agent-staff';
export * from './agent-villager';
export * from './central-audit';
export * from './central-fleet';
export * from './central-health';
export * from './central-imports';
export * from './central-kiosk-api';
export * from './central-settings';
export * from './central-staff';
export * from './central-statistics';
export * from './central-sync';
export * from './central-tickets';
export * from './virtual-printer';

/** Every route the kiosk agent serves its UI on 127.0.0.1, by feature. */
export const agentApi = {
  content: agentContentApi,
  health: agentHealthApi,
  printing: agentPrintingApi,
  speech: agentSpeechApi,
  staff: agentStaffApi,
  villager: agentVillagerApi,
} as const;

/** Every route central serves, by feature: mounted by central, called by its clients. */
export const centralApi = {
  audit: auditApi,
  fleet: fleetApi,
  health: healthApi,
  imports: importsApi,
  kioskApi,
  settings: settingsApi,
  staff: staffApi,
  statistics: statisticsApi,
  sync: syncApi,
  tickets: ticketsApi,
} as const;

/** Each group of routes with its table in docs/api.md (`<!-- routes:GROUP -->`). */
export const apiGroups: Record<string, Record<string, RouteSpec>> = {
  'agent.content': agentContentApi,
  'agent.health': agentHealthApi,
  'agent.printing': agentPrintingApi,
  'agent.speech': agentSpeechApi,
  'agent.staff': agentStaffApi,
  'agent.villager': agentVillagerApi,
  'central.audit': auditApi,
  'central.fleet': fleetApi,
  'central.health': healthApi,
  'central.imports': importsApi,
  'central.kiosk-api': kioskApi,
  'central.settings': settingsApi,
  'central.staff': staffApi,
  'central.statistics': statisticsApi,
  'central.sync': syncApi,
  'central.tickets': ticketsApi,
  'virtual-printer': virtualPrinterApi,
};
