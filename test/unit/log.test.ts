import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/log.ts';

describe('logger', () => {
  it('writes one JSON object per line with level and message', () => {
    const log = createMemoryLogger('info');
    log.info('ticket opened', { ticket: 4 });
    log.debug('hidden');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'info', msg: 'ticket opened', ticket: 4 })]);
  });

  it('redacts secrets wherever they appear', () => {
    const log = createMemoryLogger();
    log.warn('config', {
      SLACK_BOT_TOKEN: 'xoxb-1',
      nested: { apiKey: 'sk-1', authorization: 'Bearer x' },
      ok: 'visible',
    });
    expect(JSON.stringify(log.lines)).not.toMatch(/xoxb-1|sk-1|Bearer x/);
    expect(log.lines[0]?.ok).toBe('visible');
  });

  it('keeps an error name, message and stack', () => {
    const log = createMemoryLogger();
    log.error('failed', { err: new TypeError('boom') });
    expect(log.lines[0]?.err).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});
