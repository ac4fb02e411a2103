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

describe('errors in log lines below debug', () => {
  const failedQuery = () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "people_pkey"'), {
      code: '23505',
      constraint_name: 'people_pkey',
      detail: 'Key (user_id)=(jane.ortiz) already exists.',
    });
    return Object.assign(new Error('Failed query: insert into "people" values ($1)\nparams: jane.ortiz'), { cause });
  };

  it('keep the statement, the codes and the frames, not the bound values or the key detail', () => {
    const log = createMemoryLogger('info');
    log.error('event failed', { err: failedQuery() });
    expect(log.lines[0]?.err).toMatchObject({
      message: 'Failed query: insert into "people" values ($1)',
      cause: { code: '23505', constraint_name: 'people_pkey' },
    });
    expect((log.lines[0]?.err as { stack?: string } | undefined)?.stack).toMatch(/^Error: Failed query: .*\n\s+at /);
    expect(JSON.stringify(log.lines)).not.toMatch(/jane/);
  });

  it('keep everything at debug', () => {
    const log = createMemoryLogger('debug');
    log.error('event failed', { err: failedQuery() });
    expect(JSON.stringify(log.lines)).toMatch(/params: jane\.ortiz.*Key \(user_id\)=\(jane\.ortiz\)/);
  });
});
