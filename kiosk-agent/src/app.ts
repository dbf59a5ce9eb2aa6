import { createServer, type Server as HttpServer } from 'node:http';
import type { AgentHealth, AgentToUiEvents, UiToAgentEvents } from '@sunshine/contracts';
import { errorHandler, notFoundHandler, type Logger } from '@sunshine/service-kit';
import express from 'express';
import { Server } from 'socket.io';
import type { AgentConfig } from './config';
import { createContentStore, type ContentStore } from './db/content.store';
import { openDatabase } from './db/database';
import { readEnrolment } from './enrolment-file';
import { healthRoutes } from './http/health.routes';
import { uiRoutes } from './http/ui.routes';
import { connectToCentral, type CentralLink } from './socket/central-link';
import { pullOnce } from './sync/sync-client';
import { startSyncScheduler } from './sync/sync-scheduler';

export interface Agent {
  server: HttpServer;
  content: ContentStore;
  health(): AgentHealth;
  /** Pulls from central now; resolves when that pull has finished. */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the kiosk agent from its config: local store, sync with central, API and UI. */
export function buildAgent(config: AgentConfig, logger: Logger): Agent {
  const db = openDatabase(config.dataDir);
  const content = createContentStore(db);
  const enrolment = readEnrolment(config.dataDir);
  if (!enrolment) logger.warn({ dataDir: config.dataDir }, 'kiosk is not enrolled: run kiosk-provision enrol');

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '64kb' }));
  const server = createServer(app);
  const io = new Server<UiToAgentEvents, AgentToUiEvents>(server, { serveClient: false });

  let link: CentralLink | undefined;
  const health = (): AgentHealth => {
    const data = content.dataVersion();
    return {
      kioskNumber: enrolment?.kioskNumber ?? null,
      kioskName: enrolment?.name ?? null,
      dataVersion: data.version,
      dataUpdatedAt: data.publishedAt,
      online: link?.isOnline() ?? false,
      printer: { state: 'unknown' },
      outboxPending: 0,
    };
  };
  const announce = () => io.emit('status:changed', health());

  let scheduler: ReturnType<typeof startSyncScheduler> | undefined;
  if (enrolment) {
    const centralUrl = config.centralUrl ?? enrolment.centralUrl;
    scheduler = startSyncScheduler({
      pull: () => pullOnce({ enrolment, centralUrl, content, logger }),
      pollMs: config.syncPollMs,
      logger,
      onApplied: announce,
    });
    const sync = scheduler;
    link = connectToCentral({
      centralUrl,
      enrolment,
      logger,
      onPublished: () => void sync.trigger(),
      onOnlineChange: (online) => {
        logger.info({ online }, 'central link changed');
        announce();
      },
    });
  }

  app.use(healthRoutes(health));
  app.use(uiRoutes(config.uiDir));
  app.use('/api', notFoundHandler);
  app.use(errorHandler(logger));

  return {
    server,
    content,
    health,
    syncNow: () => scheduler?.trigger() ?? Promise.resolve(),
    async close() {
      scheduler?.stop();
      link?.close();
      await io.close();
      db.close();
    },
  };
}
