import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFixedClock } from '../../src/clock.ts';
import { actionButton } from '../../src/commands/action-button.ts';
import { defineAction, defineCommand, defineWire, type Feature } from '../../src/commands/feature.ts';
import { createRegistry } from '../../src/commands/registry.ts';
import { createDelivery } from '../../src/delivery.ts';
import { createDesk, type Desk } from '../../src/desk.ts';
import { noSynthesizer } from '../../src/knowledge/answers/synthesize-answer.ts';
import { createKnowledgeBase, defaultThresholds } from '../../src/knowledge/knowledge-base.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { noMeter } from '../../src/meter.ts';
import { defaultSlaPolicies } from '../../src/sla/sla-policy.ts';
import type { Store } from '../../src/store/open-store.ts';
import { ensureAdmins } from '../../src/store/people.ts';
import { shippedFeatures } from '../support/shipped-registry.ts';
import { createTestStore } from '../support/test-store.ts';

/** A feature that could be anyone's: one command for the help desk, and the button its answer carries. */
const repeatWire = defineWire<{ times: number }>({
  id: 'repeat_again',
  value: z
    .string()
    .regex(/^[1-3]$/)
    .transform((v) => ({ times: Number(v) })),
  encode: ({ times }) => String(times),
});
const echoFeature: Feature = {
  name: 'echo',
  commands: [
    defineCommand<{ name: 'echo'; words: string }>({
      name: 'echo',
      usage: '`echo <words>` — say the words back',
      audience: 'staff',
      parse: (args) => (args ? { name: 'echo', words: args } : { usage: 'missing_argument' }),
      run: async (_ctx, _person, _place, { words }) => ({
        text: words,
        blocks: [{ kind: 'actions', buttons: [actionButton(repeatWire, 'Again, twice', { times: 2 })] }],
      }),
    }),
  ],
  actions: [
    defineAction({ ...repeatWire, run: async (_c, _p, _pl, { times }) => ({ text: 'again '.repeat(times).trim() }) }),
  ],
};

const place = (who: string) => ({ platform: 'local', workspace: 'local', channel: `@${who}` });
const from = (who: string) => ({ platform: 'local', workspace: 'local', userId: who });

describe('a feature that registers a command and a button', () => {
  let store: Store;
  let desk: Desk;
  const log = createMemoryLogger();
  beforeAll(async () => {
    store = await createTestStore();
    await ensureAdmins(store.db, [from('ann')]);
    const registry = createRegistry([...shippedFeatures, echoFeature]);
    desk = createDesk(
      {
        db: store.db,
        clock: createFixedClock(new Date('2026-11-23T09:00:00Z')),
        log,
        meter: noMeter,
        delivery: createDelivery({}, log),
        kb: createKnowledgeBase([], defaultThresholds),
        reloadKnowledge: async () => {},
        synthesize: noSynthesizer,
        embedQuestion: async () => undefined,
        ticketChanged: async () => {},
        queues: { tier1: 'local:#it-tier1' },
        sla: defaultSlaPolicies,
      },
      registry,
    );
  });
  afterAll(() => store.close());
  const say = async (who: string, text: string) =>
    (await desk.handle({ kind: 'message', from: from(who), place: place(who), text }))[0];

  it('is dispatched for its audience, with a button whose value its own spec reads back', async () => {
    const echoed = await say('ann', 'echo hello there');
    expect(echoed?.text).toBe('hello there');
    const [button] = echoed?.blocks?.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])) ?? [];
    expect(button).toEqual({ label: 'Again, twice', actionId: 'repeat_again', value: '2' });
    const [again] = await desk.handle({
      kind: 'action',
      from: from('ann'),
      place: place('ann'),
      actionId: 'repeat_again',
      value: button?.value ?? '',
    });
    expect(again?.text).toBe('again again');
  });

  it('is refused to people outside its audience, politely and once in the log', async () => {
    expect((await say('bob', 'echo hello'))?.text).toMatch(/only the help desk can do that/);
    expect(log.lines.filter((l) => l.msg === 'command refused' && l.command === 'echo')).toEqual([
      expect.objectContaining({ level: 'warn', refusal: 'not_staff' }),
    ]);
  });

  it('refuses a button value its spec does not accept as bad input', async () => {
    const [reply] = await desk.handle({
      kind: 'action',
      from: from('ann'),
      place: place('ann'),
      actionId: 'repeat_again',
      value: '9',
    });
    expect(reply?.text).toMatch(/didn't recognise that button/);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ msg: 'bad input', problem: expect.stringContaining('repeat_again') }),
    );
  });

  it('is listed in help for the help desk only, and explains its usage when given too little', async () => {
    expect((await say('ann', 'help'))?.text).toContain('echo <words> — say the words back');
    expect((await say('bob', 'help'))?.text).not.toContain('echo');
    expect((await say('ann', 'help echo'))?.text).toBe('echo <words> — say the words back');
    expect((await say('ann', '/echo'))?.text).toBe(
      '`echo` needs a bit more. Usage: `echo <words>` — say the words back',
    );
  });

  it('cannot take a name another feature registered', () => {
    const twice: Feature = { name: 'twice', commands: [{ ...echoFeature.commands![0]!, name: 'status' }] };
    expect(() => createRegistry([...shippedFeatures, twice])).toThrow(/two features register the command "status"/);
  });
});
