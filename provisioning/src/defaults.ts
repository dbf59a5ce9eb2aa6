import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed repository (it holds node_modules and kiosk-agent); the agent runs from here. */
export const appDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The agent's data dir on a kiosk; `AGENT_DATA_DIR` overrides, as it does for the agent. */
export const defaultDataDir = () => process.env.AGENT_DATA_DIR ?? '/var/lib/sunshine-kiosk';
