import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../src/messages/message.ts';
import { buttonsOf, startTestApp, type TestApp } from './test-app.ts';

/**
 * One known week at the desk, driven through the local chat as people would use it, for the metrics tests
 * to check every figure against sums done by hand (test/integration/metrics.test.ts lists them). The week
 * is Monday 23 to Sunday 29 November 2026; London is on UTC then, so every time below is local too.
 *
 * The week before: zoe asks a question and opens a ticket, which waits over the weekend.
 * Mon 23: alice 👍, bob 👎 then a person (resolved at Tier 1), cleo picks from "Which of these?", dave is
 *   declined and asks a person (escalated, sent back down, resolved, reopened Wed, resolved again), erin is
 *   answered, zoe is answered (👍) and her ticket resolved; frank's ticket goes P2, breaches its response
 *   target (the SLA monitor escalates it; a CAPA is written) and is resolved at Tier 2.
 * Tue 24: cleo's ticket (within 72 h of her question) is escalated and resolved; she scores it 2, which
 *   opens a follow-up, claimed Wed.
 * Thu 26: gus's ticket breaches its response target (no CAPA) and is still open at the week's end.
 * Fri 27: a pulse survey goes to those not asked a CSAT this week (alice, erin); alice answers.
 * CSAT: zoe 4, bob 5 (after a 3), frank 5, cleo 2, dave 3 on his second resolution (the first unanswered).
 */
export const seededWeek = { from: '2026-11-23', to: '2026-11-30', previousFrom: '2026-11-16' };

export const pulseRanAt = new Date('2026-11-27T09:05:00Z');

export interface SeededDesk {
  app: TestApp;
  /** Ticket ids by whose they are: zoe, bob, dave, frank, cleo, followUp (cleo's), gus. */
  tickets: Record<string, number>;
}

const at = (iso: string) => new Date(`${iso}:00Z`);

export async function seedWeek(env: Record<string, string> = {}): Promise<SeededDesk> {
  const surveys = mkdtempSync(join(tmpdir(), 'tierdesk-metrics-surveys-'));
  writeFileSync(
    join(surveys, 'friday-pulse.yaml'),
    `id: friday-pulse\ntitle: How is the help desk doing?\nquestions:\n  - { id: overall, kind: scale, text: 'Overall, how satisfied are you?' }\naudience: { usedWithinDays: 30 }\nschedule: '0 9 * * 5'\n`,
  );
  const app = await startTestApp({ ADMINS: 'local:ann', SURVEYS_DIR: surveys, ...env });
  const send = async (path: string, body: object): Promise<Message[]> =>
    ((await (await app.post(path, body)).json()) as { messages: Message[] }).messages;
  const say = async (user: string, text: string) => send('/api/local/messages', { user, text });
  const sayText = async (user: string, text: string) => (await say(user, text)).map((m) => m.text).join('\n');
  const inbox = async (user: string) =>
    ((await (await app.get(`/api/local/inbox?user=${user}`)).json()) as { messages: Message[] }).messages;
  const press = (user: string, message: Message | undefined, actionId: string, nth = 0) => {
    const button = buttonsOf(message).filter((b) => b.actionId === actionId)[nth];
    if (!button) throw new Error(`${user}: no ${actionId} button in "${message?.text.slice(0, 60)}"`);
    return send('/api/local/actions', { user, action: button.actionId, value: button.value });
  };
  const when = (iso: string) => app.clock.set(at(iso));
  const refIn = (messages: Message[], pattern = /T-(\d+)/) => {
    const ref = pattern.exec(messages.map((m) => m.text).join('\n'))?.[1];
    if (!ref) throw new Error(`no ticket in ${messages.map((m) => m.text).join(' / ')}`);
    return Number(ref);
  };
  /** Scores the newest "How did we do?" in the person's inbox. */
  const score = async (user: string, ...scores: number[]) => {
    const survey = (await inbox(user)).filter((m) => m.text.includes('How did we do')).at(-1);
    for (const s of scores) await press(user, survey, 'csat_rating', s - 1);
  };
  const tickets: Record<string, number> = {};
  const staff = async (user: string, text: string) => {
    const said = await sayText(user, text);
    if (/sorry|can't|cannot|couldn't|not /i.test(said)) throw new Error(`${user}: ${text} → ${said}`);
  };

  when('2026-11-18T10:00');
  await say('zoe', 'how do I reset my password?');
  when('2026-11-18T10:05');
  tickets.zoe = refIn(await say('zoe', 'ticket Laptop battery swollen'));
  await staff('ann', 'staff add @tom tier1');
  await staff('ann', 'staff add @tia tier2');

  when('2026-11-23T09:00');
  await press('alice', (await say('alice', 'how do I reset my password?'))[0], 'helpful');
  when('2026-11-23T09:05');
  const bobs = (await say('bob', 'how do I connect to the VPN'))[0];
  await press('bob', bobs, 'not_helpful');
  tickets.bob = refIn(await press('bob', bobs, 'talk_to_human'));
  when('2026-11-23T09:10');
  await press('cleo', (await say('cleo', 'laptop'))[0], 'pick_article');
  when('2026-11-23T09:20');
  tickets.dave = refIn(
    await press('dave', (await say('dave', 'what is the airspeed of a swallow'))[0], 'talk_to_human'),
  );
  when('2026-11-23T09:30');
  await staff('tom', `claim T-${tickets.zoe}`);
  await say('erin', 'my mailbox is full');
  when('2026-11-23T09:40');
  await staff('tom', `claim T-${tickets.dave}`);
  when('2026-11-23T09:45');
  await press('zoe', (await say('zoe', 'out of office reply'))[0], 'helpful');
  when('2026-11-23T09:50');
  await staff('tom', `escalate T-${tickets.dave} needs a network engineer`);
  when('2026-11-23T10:00');
  await staff('tom', `resolve T-${tickets.zoe} Battery replaced`);
  await staff('tom', `claim T-${tickets.bob}`);
  when('2026-11-23T10:10');
  await staff('tia', `deescalate T-${tickets.dave} Tier 1 can answer this`);
  when('2026-11-23T10:20');
  await staff('tom', `claim T-${tickets.dave}`);
  when('2026-11-23T10:30');
  await staff('tom', `resolve T-${tickets.dave} Explained it`);
  when('2026-11-23T11:00');
  await staff('tom', `resolve T-${tickets.bob} VPN profile reinstalled`);
  await score('bob', 3, 5);
  await score('zoe', 4);
  when('2026-11-23T12:00');
  tickets.frank = refIn(await say('frank', 'ticket Printer on fire'));
  await staff('tom', `priority T-${tickets.frank} P2`);
  when('2026-11-23T12:45');
  await app.sweep();
  when('2026-11-23T12:50');
  await staff('ann', `capa T-${tickets.frank} Nobody watched the queue at lunch; a lunch rota now covers it`);
  when('2026-11-23T13:00');
  await staff('tia', `claim T-${tickets.frank}`);
  when('2026-11-23T14:00');
  await staff('tia', `resolve T-${tickets.frank} Printer replaced`);
  await score('frank', 5);

  when('2026-11-24T10:00');
  tickets.cleo = refIn(await say('cleo', 'ticket Laptop still will not start'));
  when('2026-11-24T10:30');
  await staff('tom', `claim T-${tickets.cleo}`);
  when('2026-11-24T11:00');
  await staff('tom', `escalate T-${tickets.cleo} motherboard fault`);
  when('2026-11-24T11:30');
  await staff('tia', `claim T-${tickets.cleo}`);
  when('2026-11-24T15:00');
  await staff('tia', `resolve T-${tickets.cleo} Motherboard replaced`);
  const survey = (await inbox('cleo')).filter((m) => m.text.includes('How did we do')).at(-1);
  tickets.followUp = refIn(await press('cleo', survey, 'csat_rating', 1), /contact you about it: T-(\d+)/);

  when('2026-11-25T09:00');
  await sayText('dave', `reopen T-${tickets.dave} it happened again`);
  when('2026-11-25T09:30');
  await staff('ann', `claim T-${tickets.followUp}`);
  when('2026-11-25T10:00');
  await staff('tom', `resolve T-${tickets.dave} Router firmware updated`);
  await score('dave', 3);

  when('2026-11-26T09:00');
  tickets.gus = refIn(await say('gus', 'ticket Badge reader broken'));
  await say('erin', 'feedback thanks, the new portal is much faster');
  when('2026-11-26T13:05');
  await app.sweep();

  app.clock.set(pulseRanAt);
  await app.runJob('pulse-surveys');
  const pulse = (await inbox('alice')).find((m) => m.text.includes('A short survey'));
  await press('alice', pulse, 'pulse_answer', 3);
  when('2026-11-30T08:00');
  return { app, tickets };
}
