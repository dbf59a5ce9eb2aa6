export { buildAgent, type Agent } from './app';
export { loadConfig, type AgentConfig } from './config';
export { readEnrolment, writeEnrolment, enrolmentPath, agentEnvPath, parseEnvFile } from './enrolment-file';
export { createContentStore } from './content/content.store';
export { openDatabase } from './platform/database';
export { pullOnce } from './sync/sync-client';
