import { z } from 'zod';
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

/** kiosk agent → kiosk UI */
export interface AgentToUiEvents {
  'status:changed': (payload: AgentHealth) => void;
}
export type UiToAgentEvents = Record<string, never>;
