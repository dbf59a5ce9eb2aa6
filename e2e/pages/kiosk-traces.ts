import { agentSpeechApi, agentVillagerApi } from '@sunshine/contracts';
import type { Page } from 'playwright-core';

/** What a page holds of the microphone and of recordings, read by {@link KioskTraces.media}. */
interface MediaProbe {
  streams: MediaStream[];
  /** Live object URLs and the type of the blob behind each. */
  urls: Map<string, string>;
}

/**
 * Installed before the kiosk's own code: notes every microphone stream and every object
 * URL, so a test can tell whether a recording outlived the visit that made it.
 */
function installMediaProbe(): void {
  const probe: MediaProbe = { streams: [], urls: new Map() };
  Object.assign(window, { kioskMediaProbe: probe });
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create(object);
    probe.urls.set(url, object instanceof Blob ? object.type : 'media-source');
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    probe.urls.delete(url);
    revoke(url);
  };
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const stream = await getUserMedia(constraints);
    probe.streams.push(stream);
    return stream;
  };
}

/** A complaint as the UI sent it to the agent. */
export interface SentComplaint {
  category?: string;
  text?: string;
  audio?: unknown;
  contact?: unknown;
  subject?: unknown;
  relatedTicketNumber?: string;
}

/**
 * What the kiosk did that a test cannot see on screen: every text it asked the agent to
 * speak (`agentSpeechApi.tts`), every complaint it sent, and the microphone and recordings it holds.
 * Survives reloads: the listeners live on the page, the probe is re-installed on each load.
 */
export class KioskTraces {
  /** Every text the kiosk asked the agent to speak, in order. */
  readonly spoken: string[] = [];
  readonly complaints: SentComplaint[] = [];

  private constructor(readonly page: Page) {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === agentSpeechApi.tts.path) this.spoken.push(url.searchParams.get('text') ?? '');
      if (url.pathname === agentVillagerApi.createComplaint.path && request.method() === agentVillagerApi.createComplaint.method) {
        this.complaints.push(request.postDataJSON() as SentComplaint);
      }
    });
  }

  /** Starts watching `page`; call before it loads the kiosk. */
  static async attach(page: Page): Promise<KioskTraces> {
    await page.addInitScript(installMediaProbe);
    return new KioskTraces(page);
  }

  /** Texts spoken from index `from` on. */
  spokenSince(from: number): string[] {
    return this.spoken.slice(from);
  }

  /** Microphone tracks still live, and recordings (non-WAV audio) still held as object URLs. */
  media(): Promise<{ liveTracks: number; recordings: number }> {
    return this.page.evaluate(() => {
      const probe = (window as unknown as { kioskMediaProbe?: MediaProbe }).kioskMediaProbe;
      if (probe === undefined) return { liveTracks: 0, recordings: 0 };
      const liveTracks = probe.streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length;
      const recordings = [...probe.urls.values()].filter((type) => type.startsWith('audio/') && !type.includes('wav')).length;
      return { liveTracks, recordings };
    });
  }
}
