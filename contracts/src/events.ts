import { z } from 'zod';
import { VillageCode } from './common';
import { type AgentHealth } from './health';

// socket.io event maps, typed once and used by both ends. Payloads are still validated
// with the schemas on receipt: types do not check data at run time.

/** socket.io's listener map of a set of event schemas: one payload per event. */
export type EventListeners<Schemas extends Record<string, z.ZodType>> = { [E in keyof Schemas]: (payload: z.output<Schemas[E]>) => void };

/** A new content version is published: the kiosk pulls it. */
export const ContentPublished = z.object({ version: z.number().int().positive() });
export type ContentPublished = z.infer<typeof ContentPublished>;

/**
 * socket.io namespace `/kiosk`: the audience of enrolled kiosk agents. Each holds one
 * outbound connection, authenticated by its token in the handshake's `auth`; it is central's
 * only way to reach a kiosk (a push that starts a pull). Every payload has its schema here.
 */
export const kioskNamespace = {
  path: '/kiosk',
  handshakeAuth: z.object({ token: z.string().min(1) }),
  /** central → kiosk agent */
  toKiosk: { 'content:published': ContentPublished },
  /** kiosk agent → central: nothing yet (heartbeats and complaints go over HTTP). */
  toCentral: {},
} as const;
export type KioskHandshakeAuth = z.infer<typeof kioskNamespace.handshakeAuth>;
export type CentralToKioskEvents = EventListeners<typeof kioskNamespace.toKiosk>;
export type KioskToCentralEvents = EventListeners<typeof kioskNamespace.toCentral>;

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
