import { resolvePlace, type KioskPlace } from './kiosk-place';

type VillageRef = { code: string; name: string; townCode: string };

/** The villages the kiosk's data has. */
export interface PlaceVillages {
  village(code: string): VillageRef | null;
  firstVillage(): VillageRef | null;
}

/** What the kiosk remembers of central's word on where it stands. */
export interface PlaceMemory {
  /** Null until central has answered a heartbeat with a village (or when it named none). */
  centralVillageCode(): string | null;
  saveCentralVillageCode(villageCode: string | null): void;
}

export interface PlaceDeps {
  villages: PlaceVillages;
  memory: PlaceMemory;
  /** `AGENT_VILLAGE_CODE`: wins over every village central names. */
  override: string | undefined;
  /** The village central named at enrolment (`enrolment.json`). */
  fromEnrolment: string | null | undefined;
}

/** Where this kiosk stands: the one source of "this village" for the content and the top bar. */
export function createPlaceService(deps: PlaceDeps) {
  return {
    /** Read on every call: a move central announces in a heartbeat answer shows at once. */
    place: (): KioskPlace =>
      resolvePlace(
        { override: deps.override, fromHeartbeat: deps.memory.centralVillageCode(), fromEnrolment: deps.fromEnrolment },
        deps.villages.village,
        deps.villages.firstVillage,
      ),
    /**
     * Keeps the village central named in a heartbeat answer, so it survives a restart while
     * offline. Written only when it changes: a heartbeat every 30 s should not cost a synced write.
     */
    rememberCentralVillage(villageCode: string | null): void {
      if (villageCode !== deps.memory.centralVillageCode()) deps.memory.saveCentralVillageCode(villageCode);
    },
  };
}
export type PlaceService = ReturnType<typeof createPlaceService>;
