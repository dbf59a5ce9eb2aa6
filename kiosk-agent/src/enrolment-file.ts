import fs from 'node:fs';
import path from 'node:path';
import { AgentEnrolment } from '@sunshine/contracts';
import { writeFileDurablySync } from '@sunshine/service-kit';

// What enrolment leaves in the data dir: `enrolment.json` (the credential and keys) and
// `agent.env` (the settings: port, printer, central's address), both mode 0600.

export const enrolmentPath = (dataDir: string) => path.join(dataDir, 'enrolment.json');
export const agentEnvPath = (dataDir: string) => path.join(dataDir, 'agent.env');

/** The kiosk's enrolment, or null before it has been enrolled. A damaged file is an error. */
export function readEnrolment(dataDir: string): AgentEnrolment | null {
  const file = enrolmentPath(dataDir);
  if (!fs.existsSync(file)) return null;
  return AgentEnrolment.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/**
 * Writes the enrolment with its secrets readable by the kiosk's user only. The code it came
 * from is spent: the file is whole and on disk when this returns, power cut or not.
 */
export function writeEnrolment(dataDir: string, enrolment: AgentEnrolment): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileDurablySync(enrolmentPath(dataDir), JSON.stringify(AgentEnrolment.parse(enrolment), null, 2), { mode: 0o600 });
}

export interface EnvFile {
  values: Record<string, string>;
  /** Lines that are neither `KEY=value`, a comment nor blank, numbered from 1. */
  badLines: { line: number; text: string }[];
}

/**
 * Parses `KEY=value` lines as systemd's `EnvironmentFile=` reads the same file: `#` and `;`
 * comments, blank lines, spaces around `=`, values in double quotes (with `\"` and `\\`) or
 * single quotes (taken as they are). A later line wins over an earlier one.
 */
export function parseEnvFile(text: string): EnvFile {
  const values: Record<string, string> = {};
  const badLines: EnvFile['badLines'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    const value = match?.[2] === undefined ? undefined : unquote(match[2]);
    if (!match?.[1] || value === undefined) badLines.push({ line: index + 1, text: line });
    else values[match[1]] = value;
  });
  return { values, badLines };
}

function unquote(value: string): string | undefined {
  if (value.startsWith('"')) return /^"((?:[^"\\]|\\.)*)"$/.exec(value)?.[1]?.replace(/\\(.)/g, '$1');
  if (value.startsWith("'")) return /^'([^']*)'$/.exec(value)?.[1];
  return value;
}

/**
 * The settings enrolment wrote to `dataDir/agent.env`, or null when there is none (a kiosk
 * run from environment variables alone). A line that is not `KEY=value` stops the agent
 * with the file and line named: it would otherwise run on defaults the installer never chose.
 */
export function readAgentEnv(dataDir: string): { file: string; values: Record<string, string> } | null {
  const file = agentEnvPath(dataDir);
  if (!fs.existsSync(file)) return null;
  const { values, badLines } = parseEnvFile(fs.readFileSync(file, 'utf8'));
  if (badLines.length > 0) {
    const lines = badLines.map((b) => `  line ${b.line}: ${b.text}`).join('\n');
    throw new Error(`kiosk-agent: 设置文件有误 ${file} has lines that are not KEY=value (correct or remove them):\n${lines}`);
  }
  return { file, values };
}
