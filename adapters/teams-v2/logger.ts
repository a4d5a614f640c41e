// The Teams SDK's log lines through our logger. Only the line itself is kept, never its arguments:
// the SDK logs whole activities (with the message text) and errors with their requests.
import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../src/logger.js';

export function sdkLogger(logger: Logger, source = 'teams.apps'): ILogger {
  const log = (level: LogLevel, ...msg: unknown[]) => {
    const error = msg.find((m): m is Error => m instanceof Error);
    logger[level]({ event: 'teams-sdk', source, ...(error ? { error: error.name } : {}) }, typeof msg[0] === 'string' ? msg[0] : source);
  };
  return {
    log,
    error: (...msg) => log('error', ...msg),
    warn: (...msg) => log('warn', ...msg),
    info: (...msg) => log('info', ...msg),
    debug: (...msg) => log('debug', ...msg),
    trace: (...msg) => log('trace', ...msg),
    child: (name) => sdkLogger(logger, `${source}/${name}`),
  };
}
