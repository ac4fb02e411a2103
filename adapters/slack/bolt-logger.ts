import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

/** Bolt's own log lines, as our structured lines. Bolt's debug chatter stays at debug. */
export function toBoltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  const line = (messages: unknown[]) => ({ source: name, detail: messages.map(String).join(' ') });
  return {
    debug: (...m) => log.debug('slack sdk', line(m)),
    info: (...m) => log.info('slack sdk', line(m)),
    warn: (...m) => log.warn('slack sdk', line(m)),
    error: (...m) => log.error('slack sdk', line(m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}
