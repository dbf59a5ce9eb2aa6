import fs from 'node:fs';
import path from 'node:path';
import { AgentEnrolment } from '@sunshine/contracts';

export const enrolmentPath = (dataDir: string) => path.join(dataDir, 'enrolment.json');

/** The kiosk's enrolment, or null before it has been enrolled. A damaged file is an error. */
export function readEnrolment(dataDir: string): AgentEnrolment | null {
  const file = enrolmentPath(dataDir);
  if (!fs.existsSync(file)) return null;
  return AgentEnrolment.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Writes the enrolment with its secrets readable by the kiosk's user only. */
export function writeEnrolment(dataDir: string, enrolment: AgentEnrolment): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = enrolmentPath(dataDir);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(AgentEnrolment.parse(enrolment), null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
