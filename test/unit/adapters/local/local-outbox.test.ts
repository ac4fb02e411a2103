import { describe, expect, it } from 'vitest';
import { createLocalOutbox } from '../../../../adapters/local/local-outbox.ts';

const alice = { platform: 'local', workspace: 'local', userId: 'alice' } as const;

describe('local outbox', () => {
  it('keeps messages per inbox, oldest first, each with its id, and hands each out once', async () => {
    const outbox = createLocalOutbox();
    const first = await outbox.dm(alice, { text: 'first' });
    await outbox.post('#it-tier1', { text: 'card' });
    const second = await outbox.dm(alice, { text: 'second' });
    expect(outbox.take('@alice')).toEqual([
      { text: 'first', id: first.id },
      { text: 'second', id: second.id },
    ]);
    expect(outbox.take('@alice')).toEqual([]);
    expect(outbox.take('#it-tier1').map((m) => m.text)).toEqual(['card']);
  });

  it('edits a card still waiting in its place, and sends an edit of one already taken as replacing it', async () => {
    const outbox = createLocalOutbox();
    const card = await outbox.post('#it-tier1', { text: 'T-1 new' });
    await outbox.post('#it-tier1', { text: 'T-2 new' });
    await outbox.update(card, { text: 'T-1 claimed' });
    await outbox.update(card, { text: 'T-1 escalated' });
    expect(outbox.take('#it-tier1').map((m) => [m.text, m.replaces])).toEqual([
      ['T-1 escalated', undefined],
      ['T-2 new', undefined],
    ]);
    await outbox.update(card, { text: 'T-1 resolved' });
    await outbox.update(card, { text: 'T-1 closed' });
    expect(outbox.take('#it-tier1')).toEqual([{ text: 'T-1 closed', id: card.id, replaces: card.id }]);
  });

  it("keeps a channel's board of latest versions for any number of readers, and none for a person", async () => {
    const outbox = createLocalOutbox();
    const card = await outbox.post('#it-tier2', { text: 'T-1 new' });
    await outbox.post('#it-tier2', { text: 'T-2 new' });
    outbox.take('#it-tier2');
    await outbox.update(card, { text: 'T-1 claimed' });
    await outbox.dm(alice, { text: 'hello' });
    const board = outbox.board('#it-tier2');
    expect(board.map((m) => m.text)).toEqual(['T-1 claimed', 'T-2 new']);
    expect(board[0]).toEqual({ text: 'T-1 claimed', id: card.id });
    expect(outbox.board('#it-tier2')).toEqual(board);
    expect(outbox.board('@alice')).toEqual([]);
  });

  it('drops the oldest messages of an inbox nobody reads rather than growing without bound', async () => {
    const outbox = createLocalOutbox();
    for (let i = 0; i < 510; i++) await outbox.post('#busy', { text: `m${i}` });
    const kept = outbox.take('#busy');
    expect(kept).toHaveLength(500);
    expect(kept[0]?.text).toBe('m10');
    expect(outbox.board('#busy')).toHaveLength(500);
  });
});
