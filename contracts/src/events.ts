import { z } from 'zod';
import { VillageCode } from './common';
import { type AgentHealth } from './health';

// socket.io event maps, typed once and used by both ends. Payloads are still validated
// with the schemas on receipt: types do not check data at run time.

/** central → kiosk agent */
export const ContentPublished = z.object({ version: z.number().int().positive() });
export type ContentPublished = z.infer<typeof ContentPublished>;

export interface CentralToAgentEvents {
  'content:published': (payload: ContentPublished) => void;
}
export type AgentToCentralEvents = Record<string, never>;

/**
 * The kiosk's own village changed (moved at central, or a sync brought the village it
 * is set to): screens that show "this village" read it again when they next load.
 */
export const PlaceChanged = z.object({ villageCode: VillageCode.nullable() });
export type PlaceChanged = z.infer<typeof PlaceChanged>;

/** kiosk agent → kiosk UI */
export interface AgentToUiEvents {
  'status:changed': (payload: AgentHealth) => void;
  'place:changed': (payload: PlaceChanged) => void;
}
export type UiToAgentEvents = Record<string, never>;
