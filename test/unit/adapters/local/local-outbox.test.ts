import { describe, expect, it } from 'vitest';
import { createLocalOutbox } from '../../../../adapters/local/local-outbox.ts';

describe('local outbox', () => {
  it('keeps messages per inbox, oldest first, and hands each out once', async () => {
    const outbox = createLocalOutbox();
    await outbox.dm({ platform: 'local', workspace: 'local', userId: 'alice' }, { text: 'first' });
    const posted = await outbox.post('#it-tier1', { text: 'card v1' });
    await outbox.dm({ platform: 'local', workspace: 'local', userId: 'alice' }, { text: 'second' });
    await outbox.update(posted, { text: 'card v2' });
    expect(outbox.take('@alice')).toEqual([{ text: 'first' }, { text: 'second' }]);
    expect(outbox.take('@alice')).toEqual([]);
    expect(outbox.take('#it-tier1')).toEqual([{ text: 'card v1' }, { text: 'card v2' }]);
  });

  it('drops the oldest messages of an inbox nobody reads rather than growing without bound', async () => {
    const outbox = createLocalOutbox();
    for (let i = 0; i < 510; i++) await outbox.post('#busy', { text: `m${i}` });
    const kept = outbox.take('#busy');
    expect(kept).toHaveLength(500);
    expect(kept[0]?.text).toBe('m10');
  });
});
