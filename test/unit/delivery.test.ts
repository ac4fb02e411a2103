import { describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/delivery.ts';
import { createMemoryLogger } from '../../src/log.ts';
import type { Outbox } from '../../src/outbox.ts';

const message = { text: 'T-1 is yours' };
const person = { platform: 'slack', workspace: 'T1', userId: 'U1' };

function recordingOutbox(fail = false): Outbox & { sent: string[] } {
  const sent: string[] = [];
  const go = async (to: string) => {
    if (fail) throw new Error('channel_not_found');
    sent.push(to);
    return { platform: 'slack', id: `${to}/1700.1` };
  };
  return {
    sent,
    post: (address) => go(address),
    dm: (p) => go(p.userId),
    update: async (posted) => {
      await go(posted.id);
    },
  };
}

describe('Delivery', () => {
  it('sends to a place, a thread, a person, and edits, saying where it posted', async () => {
    const slack = recordingOutbox();
    const delivery = createDelivery({ slack }, createMemoryLogger());
    expect(await delivery.toPlace('slack:C0Q', message, 'queue card')).toEqual({
      ok: true,
      posted: { platform: 'slack', id: 'C0Q/1700.1' },
    });
    const thread = { platform: 'slack', workspace: 'T1', channel: 'D1', thread: '1700.9' };
    expect((await delivery.toPlace(thread, message, 'requester notice')).ok).toBe(true);
    expect((await delivery.toPerson(person, message, 'sla alert')).ok).toBe(true);
    expect(await delivery.update({ platform: 'slack', id: 'C0Q/1700.1' }, message, 'queue card')).toEqual({ ok: true });
    expect(slack.sent).toEqual(['C0Q', 'D1/1700.9', 'U1', 'C0Q/1700.1']);
  });

  it('never throws: a refusal or an unconnected platform is a reason, logged and counted once each', async () => {
    const log = createMemoryLogger();
    const delivery = createDelivery({ slack: recordingOutbox(true) }, log);
    expect(await delivery.toPerson(person, message, 'sla alert', { ticket: 7 })).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(await delivery.toPlace('teams:19:x', message, 'queue card')).toEqual({ ok: false, reason: 'not_connected' });
    expect(delivery.failures()).toEqual({ failed: 1, not_connected: 1 });
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'message not delivered', what: 'sla alert', ticket: 7 }),
      expect.objectContaining({ level: 'warn', what: 'queue card', platform: 'teams' }),
    ]);
    expect(delivery.connected('slack')).toBe(true);
    expect(delivery.connected('teams')).toBe(false);
  });
});
