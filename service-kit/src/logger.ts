import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Never log ID numbers, names, phones or complaint text. */
export function createLogger(name: string, level: string): Logger {
  return pino({ name, level });
}
