import type { AgentHealth, PrinterState } from '@sunshine/contracts';
import { placeVillage, type KioskPlace } from '../place/kiosk-place';

/** What the kiosk's health is made of, each read afresh on every call. */
export interface HealthSources {
  kiosk: { number: string | null; name: string | null };
  place(): KioskPlace;
  dataVersion(): { version: number; publishedAt: string | null };
  online(): boolean;
  printerState(): PrinterState;
  outboxPending(): number;
}

/**
 * The kiosk as its UI (top bar, offline banner, staff panel), the installer's checks and the
 * watchdog see it. The village is the one the content ranks as 本村, so the header and the
 * content name one place.
 */
export function createHealth(sources: HealthSources): () => AgentHealth {
  return () => {
    const data = sources.dataVersion();
    return {
      kioskNumber: sources.kiosk.number,
      kioskName: sources.kiosk.name,
      village: placeVillage(sources.place()),
      dataVersion: data.version,
      dataUpdatedAt: data.publishedAt,
      online: sources.online(),
      printer: { state: sources.printerState() },
      outboxPending: sources.outboxPending(),
    };
  };
}
