import fs from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { agentVillagerApi, type AgentHealth, type AgentToUiEvents, type PrinterState, type UiToAgentEvents } from '@sunshine/contracts';
import { errorHandler, notFoundHandler, type Logger } from '@sunshine/service-kit';
import express from 'express';
import { Server } from 'socket.io';
import { complaintsRoutes } from './complaints/complaints.routes';
import type { AgentConfig } from './config';
import { contentRoutes } from './content/content.routes';
import { createContentStore, type ContentStore } from './content/content.store';
import { readEnrolment } from './enrolment-file';
import { healthRoutes } from './health/health.routes';
import { createHealth } from './health/health.service';
import { createUsageCounters } from './health/usage';
import { paymentsRoutes } from './payments/payments.routes';
import { openDatabase } from './platform/database';
import { createPrinting } from './printing';
import { createServices, type Services } from './services';
import { createSpeech } from './speech';
import { staffRoutes } from './staff/staff.routes';
import { connectToCentral, type CentralLink } from './socket/central-link';
import { fetchMissingBlobs } from './sync/blob-fetcher';
import { startComplaintForwarder, type ComplaintForwarder } from './sync/complaint-forwarder';
import { startHeartbeats } from './sync/heartbeat';
import { pullOnce } from './sync/sync-client';
import { startSyncScheduler } from './sync/sync-scheduler';
import { uiRoutes } from './ui/ui.routes';

export interface Agent {
  server: HttpServer;
  content: ContentStore;
  services: Services;
  health(): AgentHealth;
  /** Pulls from central now; resolves when that pull has finished. */
  syncNow(): Promise<void>;
  /** Starts delivering the outbox now; resolves when that pass has finished. */
  forwardNow(): Promise<void>;
  /** Sends a heartbeat now; resolves once central's answer (if any) is applied. */
  heartbeatNow(): Promise<void>;
  close(): Promise<void>;
}

/** JSON bodies stay small, except a complaint, which may carry a 4 MB recording in base64. */
const COMPLAINT_BODY_LIMIT = '6mb';
const BODY_LIMIT = '64kb';

/** Builds the kiosk agent from its config: local store, sync with central, API and UI. */
export function buildAgent(config: AgentConfig, logger: Logger): Agent {
  const db = openDatabase(config.dataDir);
  const content = createContentStore(db);
  const enrolment = readEnrolment(config.dataDir);
  if (!enrolment) logger.warn({ dataDir: config.dataDir }, 'kiosk is not enrolled: run kiosk-provision enrol');
  const centralUrl = enrolment ? (config.centralUrl ?? enrolment.centralUrl) : undefined;

  const app = express();
  app.disable('x-powered-by');
  app.use(agentVillagerApi.createComplaint.path, express.json({ limit: COMPLAINT_BODY_LIMIT }));
  app.use(express.json({ limit: BODY_LIMIT }));
  const server = createServer(app);
  const io = new Server<UiToAgentEvents, AgentToUiEvents>(server, { serveClient: false });

  let link: CentralLink | undefined;
  let forwarder: ComplaintForwarder | undefined;
  const blobDir = path.join(config.dataDir, 'blobs');
  const services = createServices({
    db,
    enrolment,
    centralUrl,
    villageOverride: config.villageCode,
    blobDir,
    onComplaintQueued: () => {
      announce();
      void forwarder?.kick();
    },
  });
  const printing = createPrinting({
    db,
    printerInterface: config.printerInterface,
    paperMm: config.paperMm,
    kiosk: { number: enrolment?.kioskNumber ?? null, name: enrolment?.name ?? null },
    dataVersion: () => content.dataVersion(),
    sources: services.receiptSources,
    logger,
    onPrinterStateChange: () => announce(),
  });
  const printerState = (): PrinterState => printing.printerState();
  const outboxPending = () => services.complaints.counts().pending;
  const health = createHealth({
    kiosk: { number: enrolment?.kioskNumber ?? null, name: enrolment?.name ?? null },
    place: services.place.place,
    dataVersion: () => content.dataVersion(),
    online: () => link?.isOnline() ?? false,
    printerState,
    outboxPending,
  });
  const announce = () => io.emit('status:changed', health());
  // Screens read "this village" when they load; this tells an open UI that it changed.
  let shownVillage = services.place.place().villageCode;
  const announcePlace = () => {
    const villageCode = services.place.place().villageCode;
    if (villageCode === shownVillage) return;
    shownVillage = villageCode;
    logger.info({ villageCode }, 'kiosk village changed');
    io.emit('place:changed', { villageCode });
    announce();
  };
  const usage = createUsageCounters();

  let scheduler: ReturnType<typeof startSyncScheduler> | undefined;
  let heartbeats: ReturnType<typeof startHeartbeats> | undefined;
  if (enrolment && centralUrl && services.central) {
    const central = services.central;
    // Media follow the records that name them; a failed blob is tried again after the next sync.
    // One download pass at a time: two writers on one `.part` file would spoil it.
    let fetching: Promise<unknown> | undefined;
    const fetchBlobs = () => {
      fetching ??= fetchMissingBlobs({ centralUrl, token: enrolment.token, dir: blobDir }, services.attachmentHashes(), (sha256, err) =>
        logger.warn({ sha256, err: String(err) }, 'blob not fetched'),
      ).finally(() => (fetching = undefined));
      return fetching;
    };
    scheduler = startSyncScheduler({
      pull: () => pullOnce({ enrolment, centralUrl, content, logger, offThreadFrom: config.syncOffThreadFrom }),
      pollMs: config.syncPollMs,
      logger,
      onApplied: () => {
        announce();
        announcePlace();
        void fetchBlobs();
      },
    });
    void fetchBlobs();
    const sync = scheduler;
    forwarder = startComplaintForwarder({
      due: services.outbox.due,
      deliver: central.deliverComplaint,
      markDelivered: services.outbox.markDelivered,
      markFailed: services.outbox.markFailed,
      noteAttempt: services.outbox.noteAttempt,
      logger,
      onChange: announce,
      maxRetryMs: config.outboxRetryMaxMs,
    });
    void forwarder.kick();
    const outbox = forwarder;
    link = connectToCentral({
      centralUrl,
      enrolment,
      logger,
      onPublished: () => void sync.trigger(),
      onOnlineChange: (online) => {
        logger.info({ online }, 'central link changed');
        if (online) void outbox.kick();
        announce();
      },
    });
    heartbeats = startHeartbeats({
      send: central.heartbeat,
      onAnswer: (answer) => {
        services.place.rememberCentralVillage(answer.villageCode);
        announcePlace();
      },
      dataVersion: () => content.dataVersion().version,
      outboxPending,
      printerState,
      lastSyncError: () => sync.lastError(),
      usage,
      dataDir: config.dataDir,
      intervalMs: config.heartbeatMs,
      logger,
    });
  }

  app.use(healthRoutes({ health, usage }));
  app.use(contentRoutes(services.content));
  app.use(paymentsRoutes(services.payments));
  app.use(complaintsRoutes(services.complaints));
  app.use(staffRoutes({ staffPin: config.staffPin, syncNow: () => scheduler?.trigger() ?? Promise.resolve() }));
  app.use(printing.router);
  // Speech is no longer cached on disk; remove what an earlier version left there.
  fs.rmSync(path.join(config.dataDir, 'tts-cache'), { recursive: true, force: true });
  app.use(createSpeech({ logger }).router);
  app.use(uiRoutes(config.uiDir));
  app.use('/api', notFoundHandler);
  app.use(errorHandler(logger));

  return {
    server,
    content,
    services,
    health,
    syncNow: () => scheduler?.trigger() ?? Promise.resolve(),
    forwardNow: () => forwarder?.kick() ?? Promise.resolve(),
    heartbeatNow: () => heartbeats?.beat() ?? Promise.resolve(),
    async close() {
      scheduler?.stop();
      forwarder?.stop();
      heartbeats?.stop();
      link?.close();
      await printing.close();
      await io.close();
      db.close();
    },
  };
}
