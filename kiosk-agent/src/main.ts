import { createLogger, listen } from '@sunshine/service-kit';
import { buildAgent } from './app';
import { loadConfig, type AgentConfig } from './config';

let config: AgentConfig;
try {
  config = loadConfig();
} catch (err) {
  // A wrong setting is the installer's to correct: say which, without a stack trace.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
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
