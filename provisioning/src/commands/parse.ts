import { InvalidArgumentError } from 'commander';
import type { PaperWidth } from '../agent-config';

export function parsePaper(value: string): PaperWidth {
  if (value === '58') return 58;
  if (value === '80') return 80;
  throw new InvalidArgumentError('纸宽只能是 58 或 80 the paper width must be 58 or 80 (mm).');
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('端口不对 a port is a number from 1 to 65535.');
  return port;
}

export function parseTime(value: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new InvalidArgumentError('时间格式 write the time as HH:MM, e.g. 03:30.');
  return value;
}
