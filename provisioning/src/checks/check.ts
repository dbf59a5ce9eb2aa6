export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One line of `kiosk-provision check`: what was checked, how it went, what to do. */
export interface CheckResult {
  id: 'config' | 'central' | 'credential' | 'agent' | 'data' | 'printer' | 'disk' | 'clock';
  title: string;
  status: CheckStatus;
  detail: string;
  /** What the installer does about a warn or fail; docs/operations.md has the longer story. */
  hint?: string;
}

export const pass = (id: CheckResult['id'], title: string, detail: string): CheckResult => ({ id, title, status: 'pass', detail });
export const fail = (id: CheckResult['id'], title: string, detail: string, hint: string): CheckResult => ({ id, title, status: 'fail', detail, hint });
export const warn = (id: CheckResult['id'], title: string, detail: string, hint: string): CheckResult => ({ id, title, status: 'warn', detail, hint });
export const skip = (id: CheckResult['id'], title: string, detail: string): CheckResult => ({ id, title, status: 'skip', detail });
