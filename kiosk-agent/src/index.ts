export { buildAgent, type Agent } from './app';
export { loadConfig, type AgentConfig } from './config';
export { readEnrolment, writeEnrolment, enrolmentPath, agentEnvPath, parseEnvFile } from './enrolment-file';
export { createContentStore } from './db/content.store';
export { openDatabase } from './db/database';
export { pullOnce } from './sync/sync-client';
