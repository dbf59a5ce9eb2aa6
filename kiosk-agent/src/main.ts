import { createLogger, listen } from '@sunshine/service-kit';
import { buildAgent } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const logger = createLogger('kiosk-agent', config.logLevel);
const agent = buildAgent(config, logger);
const port = await listen(agent.server, config.port, config.host);
logger.info({ url: `http://${config.host}:${port}`, kioskNumber: agent.health().kioskNumber }, 'kiosk agent listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'kiosk agent stopping');
    agent.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
