import { createLogger, listen } from '@sunshine/service-kit';
import { buildCentral } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const logger = createLogger('central', config.logLevel);
const central = await buildCentral(config, logger);
const port = await listen(central.server, config.port, config.host);
logger.info({ url: `http://${config.host}:${port}` }, 'central listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'central stopping');
    central.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
