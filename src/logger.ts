// Structured logs. Callers log events and identifiers only: never message text or personal data.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined });
}
export type { Logger };
