import { createServer, type Server as HttpServer } from 'node:http';
import { errorHandler, notFoundHandler, type Logger } from '@sunshine/service-kit';
import express from 'express';
import { Server } from 'socket.io';
import type { CentralConfig } from './config';
import { createContentRepository } from './db/content.repository';
import { openDatabase } from './db/database';
import { createKioskRepository } from './db/kiosks.repository';
import { createEnrolmentCode } from './domain/enrolment';
import { healthRoutes } from './http/health.routes';
import { kioskRoutes } from './http/kiosks.routes';
import { syncRoutes } from './http/sync.routes';
import { loadCounty } from './import/county-loader';
import { attachKioskSocket, type CentralIo } from './socket/kiosk-socket';
import { hashIdNumber, loadOrCreateKeys } from './sync/keys';

export interface Central {
  server: HttpServer;
  close(): Promise<void>;
}

/** Builds central from its config: store, keys, routes and sockets, ready to listen. */
export async function buildCentral(config: CentralConfig, logger: Logger, now: () => Date = () => new Date()): Promise<Central> {
  const db = await openDatabase(config.dataDir);
  const keys = loadOrCreateKeys(config.dataDir);
  const content = createContentRepository(db);
  const kiosks = createKioskRepository(db);

  if (config.countyDir && !(await content.latestVersion())) {
    const started = Date.now();
    const loaded = await loadCounty(config.countyDir, { content, hashId: (id) => hashIdNumber(id, keys.lookupKey), now });
    logger.info({ ...loaded, ms: Date.now() - started }, 'county published');
  }
  if (config.demoEnrolmentCode) {
    await createEnrolmentCode({ kiosks, now }, config.demoEnrolmentCode, { ttlHours: 1 });
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  const server = createServer(app);
  const io: CentralIo = new Server(server, { serveClient: false });
  const kioskSocket = attachKioskSocket(io, kiosks);

  app.use(healthRoutes({ content, kiosksOnline: kioskSocket.onlineCount }));
  app.use(kioskRoutes({ kiosks, centralPublicKey: keys.publicKeyPem, lookupKey: keys.lookupKey, now }));
  app.use(syncRoutes({ content, kiosks, keys, dataDir: config.dataDir }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  return {
    server,
    async close() {
      await io.close();
      await db.destroy();
    },
  };
}
