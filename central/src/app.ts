import { createServer, type Server as HttpServer } from 'node:http';
import { errorHandler, notFoundHandler, type Logger } from '@sunshine/service-kit';
import express from 'express';
import { Server } from 'socket.io';
import type { CentralConfig } from './config';
import { createAuditRepository } from './audit/audit.repository';
import { createAudioStore, createMediaStore } from './platform/blob.store';
import { createContentRepository } from './sync/content.repository';
import { openDatabase } from './platform/database';
import { createHeartbeatRepository } from './fleet/heartbeats.repository';
import { createImportRepository } from './imports/imports.repository';
import { createKioskRepository } from './fleet/kiosks.repository';
import { createPlaceRepository } from './fleet/places.repository';
import { createRecordRepository } from './imports/records.repository';
import { createSettingsRepository } from './settings/settings.repository';
import { createStaffRepository } from './staff/staff.repository';
import { createStatisticsRepository } from './statistics/statistics.repository';
import { createTicketRepository } from './tickets/tickets.repository';
import { createAudited } from './platform/unit-of-work';
import { loadCategorySettings } from './settings/category-settings.service';
import { createEnrolmentCode } from './fleet/enrolment.service';
import { loadHolidayCalendars } from './calendar/holiday-calendars';
import { createLoginThrottle } from './staff/login-throttle';
import { createPublisher } from './imports/publisher.service';
import { createRateLimit } from './tickets/rate-limit';
import { ensureAdmin } from './staff/staff-auth.service';
import { loadCalendarFiles } from './calendar/holidays-file';
import { authRoutes } from './staff/auth.routes';
import { complaintIntakeRoutes } from './tickets/complaint-intake.routes';
import { fleetRoutes } from './fleet/fleet.routes';
import { blobRoutes } from './sync/blobs.routes';
import { healthRoutes } from './platform/health.routes';
import { importRoutes } from './imports/imports.routes';
import { recordRoutes } from './imports/records.routes';
import { kioskApiRoutes } from './tickets/kiosk-api.routes';
import { kioskRoutes } from './fleet/kiosks.routes';
import { createCentralMount } from './route-mount';
import { settingsRoutes } from './settings/settings.routes';
import { staffRoutes } from './staff/staff.routes';
import { statisticsRoutes } from './statistics/statistics.routes';
import { auditRoutes } from './audit/audit.routes';
import { deadlinesOf } from './tickets/staff-ticket-view';
import { syncRoutes } from './sync/sync.routes';
import { ticketRoutes } from './tickets/tickets.routes';
import { loadCounty } from './imports/county-loader';
import { attachKioskSocket, type CentralIo } from './fleet/kiosk-socket';
import { attachStaffSocket } from './staff/staff-socket';
import { hashIdNumber, loadOrCreateKeys } from './sync/keys';
import { createSyncBodies } from './sync/sync-bodies';
import { createSyncService } from './sync/sync.service';
import { createFleetService } from './fleet/fleet.service';

// An XLSX is read whole (a zip has its index at the end): keep it to what fits in memory.
const MAX_XLSX_BYTES = 64 * 1024 * 1024;

export interface Central {
  server: HttpServer;
  /** Builds (or waits for) the latest snapshot body; runs by itself at start. */
  warmSnapshot(): Promise<void>;
  close(): Promise<void>;
}

/** Builds central from its config: store, keys, routes and sockets, ready to listen. */
export async function buildCentral(config: CentralConfig, logger: Logger, now: () => Date = () => new Date()): Promise<Central> {
  const db = await openDatabase(config.dataDir);
  const keys = loadOrCreateKeys(config.dataDir, config.contactKey);
  const content = createContentRepository(db);
  const kiosks = createKioskRepository(db);
  const tickets = createTicketRepository(db);
  const heartbeats = createHeartbeatRepository(db);
  const places = createPlaceRepository(db);
  const audio = createAudioStore(config.dataDir);
  // Every staff action runs through `audited`: the action and its audit entry commit together.
  const audited = createAudited(db, now);
  const settings = createSettingsRepository(db);
  const categorySettings = await loadCategorySettings({ settings, audited });
  const categories = categorySettings.categories;
  const holidayCalendars = await loadHolidayCalendars({ settings, audited, now }, loadCalendarFiles(config.holidaysFile));
  const calendar = holidayCalendars.calendar;
  // Deadlines in a year without its calendar count plain weekends only: say so at every start.
  for (const warning of holidayCalendars.warnings(now())) logger.warn({ year: warning.year }, warning.message);
  const countyWarnings = () => holidayCalendars.warnings(now());
  const staff = createStaffRepository(db);
  const audit = createAuditRepository(db);
  const imports = createImportRepository(db);
  // An upload still arriving a day later was cut off by a stop of central: forget its rows.
  await imports.discardAbandoned(new Date(now().getTime() - 86_400_000).toISOString());

  const generatedPassword = await ensureAdmin({ staff, now }, config.adminPassword);
  if (generatedPassword) {
    // Printed once, on the first start without CENTRAL_ADMIN_PASSWORD; only its hash is kept.
    process.stdout.write(`central: staff login admin / ${generatedPassword} (shown once; set CENTRAL_ADMIN_PASSWORD to choose it)\n`);
  }

  if (config.countyDir && !(await content.latestVersion())) {
    const started = Date.now();
    const loaded = await loadCounty(config.countyDir, { content, hashId: (id) => hashIdNumber(id, keys.lookupKey), now });
    logger.info({ ...loaded, ms: Date.now() - started }, 'county published');
  }
  if (config.demoEnrolmentCode) {
    await createEnrolmentCode({ kiosks, now }, config.demoEnrolmentCode, { ttlHours: 1 });
  }

  const syncBodies = createSyncBodies({ content, signingKey: keys.signingKey, dataDir: config.dataDir });
  let warming = Promise.resolve();
  const warmSnapshot = () => {
    warming = syncBodies.warmSnapshot().catch((err: unknown) => logger.error({ err }, 'building the snapshot failed'));
    return warming;
  };
  void warmSnapshot();

  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  const io: CentralIo = new Server(server, { serveClient: false });
  const kioskSocket = attachKioskSocket(io, kiosks);
  const staffEvents = attachStaffSocket(io, { staff, now });

  // Complaint intake reads its own 8 MB body (voice), so it comes before the 1 MB default.
  const ticketDeps = { tickets, contactKey: keys.contactKey, categories, now };
  const intakeLimit = createRateLimit({ keyPrefix: 'complaint-intake', ...config.complaintRate });
  app.use(complaintIntakeRoutes({ ...ticketDeps, kiosks, places, recordings: audio, intakeLimit, staffEvents }));
  app.use(express.json({ limit: '1mb' }));

  const mount = createCentralMount({ staff, kiosks, now });
  app.use(healthRoutes(mount, { content, kiosksOnline: kioskSocket.onlineCount }));
  const fleet = createFleetService({
    kiosks,
    heartbeats,
    places,
    latestVersion: async () => (await content.latestVersion())?.version ?? 0,
    audited,
    openingHours: config.openingHours,
    connectedKiosks: kioskSocket.connectedKiosks,
    disconnectKiosk: kioskSocket.disconnectKiosk,
    countyWarnings,
    heard: staffEvents['kiosk:heartbeat'],
    now,
  });
  const enrolment = { kiosks, audited, disconnectKiosk: kioskSocket.disconnectKiosk, centralPublicKey: keys.publicKeyPem, lookupKey: keys.lookupKey, now };
  app.use(kioskRoutes(mount, { enrolment, fleet }));
  app.use(syncRoutes(mount, { sync: createSyncService({ versions: content, bodies: syncBodies }) }));
  app.use(blobRoutes(mount, { media: createMediaStore(config.dataDir) }));
  const pinGuesses = createRateLimit({ keyPrefix: 'pin-guesses', points: 10, durationSeconds: 3600 });
  app.use(kioskApiRoutes(mount, { ...ticketDeps, calendar, pinGuesses }));
  const staffDeps = { staff, audit, audited, now };
  app.use(authRoutes(mount, { ...staffDeps, loginThrottle: createLoginThrottle(), secureCookies: config.secureCookies }));
  app.use(staffRoutes(mount, staffDeps));
  app.use(auditRoutes(mount, { audit }));
  app.use(settingsRoutes(mount, { ...staffDeps, categorySettings, holidayCalendars }));
  app.use(ticketRoutes(mount, { ...staffDeps, ...ticketDeps, calendar, recordings: audio, staffEvents }));
  const deadlineClock = { categories, calendar, now };
  const statistics = { stats: createStatisticsRepository(db), deadlinesOf: deadlinesOf.bind(null, deadlineClock), countyWarnings, now };
  app.use(statisticsRoutes(mount, statistics));
  const records = createRecordRepository(db);
  const notifyPublished = (version: number) => {
    kioskSocket.notifyPublished(version);
    staffEvents['content:published']({ version });
  };
  const publisher = createPublisher({ audited, notifyPublished, now });
  const hashId = (id: string) => hashIdNumber(id, keys.lookupKey);
  app.use(fleetRoutes(mount, { fleet, enrolment }));
  const uploadLimits = { maxBytes: config.uploadMaxBytes, maxXlsxBytes: Math.min(config.uploadMaxBytes, MAX_XLSX_BYTES) };
  app.use(importRoutes(mount, { ...staffDeps, imports, records, publisher, hashId, staffEvents, uploadLimits }));
  app.use(recordRoutes(mount, { ...staffDeps, imports, records, hashId, staffEvents }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  // A heartbeat every 30 s per kiosk adds up: keep 90 days (fleet history and usage statistics).
  const prune = setInterval(() => {
    const before = new Date(now().getTime() - 90 * 86_400_000).toISOString();
    heartbeats.pruneBefore(before).catch((err: unknown) => logger.error({ err }, 'heartbeat pruning failed'));
  }, 3_600_000);
  prune.unref();

  return {
    server,
    warmSnapshot,
    async close() {
      clearInterval(prune);
      await warming;
      await io.close();
      await db.destroy();
    },
  };
}
