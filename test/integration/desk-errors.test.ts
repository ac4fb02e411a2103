import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { createDelivery } from '../../src/delivery.ts';
import { createDesk } from '../../src/desk.ts';
import { noSynthesizer } from '../../src/knowledge/answers/synthesize-answer.ts';
import { createKnowledgeBase, defaultThresholds } from '../../src/knowledge/knowledge-base.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { noMeter } from '../../src/meter.ts';
import { defaultSlaPolicies } from '../../src/sla/sla-policy.ts';
import { shippedRegistry } from '../support/shipped-registry.ts';
import { createTestStore } from '../support/test-store.ts';

const from = { platform: 'local', workspace: 'local', userId: 'alice' };
const place = { platform: 'local', workspace: 'local', channel: '@alice' };

describe('desk error boundary', () => {
  it('answers politely with a reference when handling fails, logs it once, and keeps going', async () => {
    const store = await createTestStore();
    await store.close(); // every query now fails, as with a database that went away
    const log = createMemoryLogger();
    const desk = createDesk(
      {
        db: store.db,
        kb: createKnowledgeBase([], defaultThresholds),
        reloadKnowledge: async () => {},
        synthesize: noSynthesizer,
        embedQuestion: async () => undefined,
        ticketChanged: async () => {},
        delivery: createDelivery({}, log),
        clock: systemClock,
        log,
        meter: noMeter,
        queues: { tier1: 'local:#it-tier1' },
        sla: defaultSlaPolicies,
      },
      shippedRegistry,
    );

    const replies = await desk.handle({ kind: 'message', from, place, text: 'hello' });
    expect(replies).toHaveLength(1);
    const reference = /reference ([0-9A-F]{8})/.exec(replies[0]?.text ?? '')?.[1];
    expect(reference).toBeDefined();
    const errors = log.lines.filter((l) => l.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ msg: 'event failed', reference, platform: 'local', kind: 'message' }),
    ]);
    expect(replies[0]?.text).not.toMatch(/at .*\.ts|Error:/);

    // The next event is handled (and fails) on its own: nothing was left broken or rethrown.
    await expect(desk.handle({ kind: 'action', from, place, actionId: 'helpful', value: 'x' })).resolves.toHaveLength(
      1,
    );
  });
});
