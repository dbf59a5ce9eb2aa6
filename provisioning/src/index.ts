export { enrol, EnrolFailed, EnrolIncomplete, type EnrolOptions, type EnrolResult } from './enrol';
export { reEnrol, type ReEnrolOptions, type ReEnrolResult } from './re-enrol';
export { revokeKiosk, type RevokeOptions } from './revoke';
export { ProvisionError } from './errors';
export { readAgentSettings, writeAgentSettings, parseEnvFile, agentEnvPath, type AgentSettings } from './agent-config';
export { runChecks, formatChecks, hasFailure } from './checks/run-checks';
export type { CheckResult, CheckStatus } from './checks/check';
export { planOsSetup, formatPlan, type OsSetupPlan } from './systemd/plan';
export type { OsSetupOptions } from './systemd/options';
