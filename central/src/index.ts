export { buildCentral, type Central } from './app';
export { loadConfig, type CentralConfig } from './config';
