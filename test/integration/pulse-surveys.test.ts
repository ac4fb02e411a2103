import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyAsks } from '../../src/store/schema.ts';
import { localChat, pulsesIn, surveyFolder, surveyYaml } from '../support/pulse-chat.ts';
import { startTestApp, type TestApp, testStart } from '../support/test-app.ts';

const day = 86_400_000;

/** A desk with two on-demand surveys, a named one and an anonymous one; ann is an admin, lena a lead. */
async function surveyDesk(env: Record<string, string> = {}) {
  const dir = await surveyFolder({
    'team.yaml': surveyYaml({ id: 'team-pulse', title: 'Team pulse' }),
    'anon.yaml': surveyYaml({ id: 'anon-pulse', title: 'Anonymous pulse', anonymous: true }),
  });
  const app = await startTestApp({ ADMINS: 'local:ann', SURVEYS_DIR: dir, ...env });
  const chat = localChat(app);
  await chat.say('ann', 'staff add @lena lead');
  return { app, ...chat };
}

describe('pulse surveys sent now, answered and read back (local chat)', () => {
  let app: TestApp;
  let chat: Awaited<ReturnType<typeof surveyDesk>>;
  const people = ['amy', 'bo', 'cy', 'di', 'ed', 'flo'];
  let pulses: Record<string, ReturnType<typeof pulsesIn>> = {};
  beforeAll(async () => {
    chat = await surveyDesk();
    app = chat.app;
    // Only people who asked the desk something are in the audience; the staff are not.
    for (const p of people) await chat.say(p, 'how do I reset my password?');
  });
  afterAll(() => app.close());

  it('sends a named survey to everyone who asked, once each; presses, typed answers and results with names', async () => {
    expect(await chat.say('lena', 'survey send-now team-pulse')).toContain('Sending Team pulse to 6 people.');
    await app.runJob('pulse-surveys');
    pulses = Object.fromEntries(
      await Promise.all(people.map(async (p) => [p, pulsesIn(await chat.inbox(p), 'Team pulse')] as const)),
    );
    expect(people.map((p) => pulses[p]?.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(pulsesIn(await chat.inbox('lena'), 'Team pulse')).toEqual([]);
    const answers: [string, string, string][] = [
      ['amy', '5', 'yes'],
      ['bo', '4', 'yes'],
      ['cy', '4', 'no'],
      ['di', '2', 'yes'],
    ];
    for (const [p, score, yesNo] of answers) {
      const [pulse] = pulses[p] ?? [];
      if (!pulse) throw new Error(`no pulse for ${p}`);
      expect(await chat.press(p, pulse.answer(0, score))).toContain(`your answer to question 1 is ${score} of 5`);
      await chat.press(p, pulse.answer(1, yesNo));
    }
    expect(await chat.say('amy', 'survey answer 3 Faster replies on Fridays please')).toMatch(/Thank you/);
    expect(await chat.say('ed', 'survey answer 3 The new laptop process is great')).toMatch(/Thank you/);
    expect(await chat.say('ed', 'survey answer 1 great')).toContain('answered with its buttons');

    const results = await chat.say('lena', 'survey results team-pulse');
    expect(results).toContain('83% answered: 5 of 6 people asked.');
    expect(results).toContain('average 3.8 of 5 · 1: 0 · 2: 1 · 3: 0 · 4: 2 · 5: 1');
    expect(results).toContain('yes 75% (3) · no 25% (1)');
    expect(results).toContain('"Faster replies on Fridays please" — amy');
    expect(results).toContain('"The new laptop process is great" — ed');
    // Everyone answered on the local chat: one platform is not broken down.
    expect(results).not.toContain('By platform');
    // A named survey's comments carry their names in the leads' list of recent feedback too.
    expect(await chat.say('lena', 'feedback recent appreciation')).toMatch(/\*?\*?ed\*?\*?.*laptop process is great/);
  });

  it('refuses the leads’ forms to requesters, and a forged answer politely', async () => {
    for (const command of [
      'survey list',
      'survey send-now team-pulse',
      'survey results team-pulse',
      'survey pause team-pulse',
    ])
      expect(await chat.say('amy', command)).toContain('only admins and leads');
    const flos = pulses.flo?.[0]?.answer(0, '5');
    const amys = pulses.amy?.[0]?.answer(1, 'yes');
    if (!flos || !amys) throw new Error('no pulses from the test above');
    // A value no button carries is outside input: a polite sentence, nothing stored.
    expect(await chat.press('amy', { ...amys, value: amys.value.replace(/yes$/, '9') })).toMatch(
      /didn't recognise that button/,
    );
    // Well-formed but not what the question offers (a score to a yes / no), or someone else's survey.
    expect(await chat.press('amy', { ...amys, value: amys.value.replace(/yes$/, '5') })).toMatch(
      /couldn't find that survey/,
    );
    expect(await chat.press('amy', flos)).toMatch(/isn't yours to answer/);
    // flo answered nothing, and still has not: five of six.
    expect(await chat.say('lena', 'survey results team-pulse')).toContain('5 of 6 people asked');
  });

  it('answers an unknown survey with the known ones, and a survey never sent with how to send it', async () => {
    expect(await chat.say('lena', 'survey results nope')).toContain(
      'There is no pulse survey nope. The surveys are anon-pulse and team-pulse.',
    );
    expect(await chat.say('lena', 'survey results anon-pulse')).toContain(
      'has not been sent yet: survey send-now anon-pulse',
    );
  });
});

describe('an anonymous pulse survey (local chat)', () => {
  let chat: Awaited<ReturnType<typeof surveyDesk>>;
  beforeAll(async () => {
    chat = await surveyDesk();
  });
  afterAll(() => chat.app.close());

  it('shows only counts below MIN_GROUP_SIZE, then the answers and comments without names', async () => {
    const people = ['gwen', 'hugo', 'iris', 'jack', 'kim', 'liam'];
    for (const p of people) await chat.say(p, 'my VPN keeps dropping');
    expect(await chat.say('ann', 'survey send-now anon-pulse')).toContain('to 6 people');
    await chat.app.runJob('pulse-surveys');
    const answer = async (p: string, score: string, comment: string) => {
      const [pulse] = pulsesIn(await chat.inbox(p), 'Anonymous pulse');
      if (!pulse) throw new Error(`no pulse for ${p}`);
      expect(pulse.message.text).toContain('without your name');
      await chat.press(p, pulse.answer(0, score));
      await chat.press(p, pulse.answer(1, 'yes'));
      await chat.say(p, `survey answer 3 ${comment}`);
    };
    await answer('gwen', '5', 'Zippy answers');
    await answer('hugo', '3', 'Answer the phone faster');
    await answer('iris', '4', 'More self-service articles');
    const few = await chat.say('lena', 'survey results anon-pulse');
    expect(few).toContain('50% answered: 3 of 6 people asked.');
    expect(few).toContain('Fewer than 5 answers: not shown, to keep answers anonymous.');
    expect(few).not.toMatch(/average|Zippy|phone|self-service/);

    await answer('jack', '2', 'Bring back the walk-in desk');
    await answer('kim', '4', 'All good');
    const results = await chat.say('lena', 'survey results anon-pulse');
    expect(results).toContain('83% answered: 5 of 6 people asked.');
    expect(results).toContain('average 3.6 of 5 · 1: 0 · 2: 1 · 3: 1 · 4: 2 · 5: 1');
    expect(results).toContain('yes 100% (5) · no 0% (0)');
    // In the order of their words, never with a name.
    const comments = results.split('\n').filter((l) => l.startsWith('- "'));
    expect(comments).toEqual([
      '- "All good"',
      '- "Answer the phone faster"',
      '- "Bring back the walk-in desk"',
      '- "More self-service articles"',
      '- "Zippy answers"',
    ]);
    expect(results).not.toMatch(/gwen|hugo|iris|jack|kim/);
    // The leads' list of recent feedback keeps the same promise.
    const recent = await chat.say('lena', 'feedback recent');
    expect(recent).toMatch(/Zippy answers|All good|walk-in desk/);
    expect(recent).not.toMatch(/gwen|hugo|iris|jack|kim/i);
  });
});

describe('the fatigue cap on pulse surveys (local chat)', () => {
  let chat: Awaited<ReturnType<typeof surveyDesk>>;
  beforeAll(async () => {
    chat = await surveyDesk();
  });
  afterAll(() => chat.app.close());

  it('skips whoever had a pulse or a CSAT lately or said surveys off, and counts each with its reason', async () => {
    const { app, say, inbox } = chat;
    app.clock.set(new Date(testStart.getTime() - 11 * day));
    expect(await say('lena', 'survey send-now team-pulse')).toContain(
      'Nobody is in the audience of Team pulse (people who asked the desk in the last 30 days), so nothing was sent.',
    );
    // mo had a pulse ten days ago: the anonymous survey, sent when only mo had asked lately.
    app.clock.set(new Date(testStart.getTime() - 10 * day));
    await say('mo', 'how do I map a network drive?');
    expect(await say('ann', 'survey send-now anon-pulse')).toContain('to 1 person');
    await app.runJob('pulse-surveys');
    // nia's ticket was resolved two days ago, so she was asked "How did we do?".
    app.clock.set(new Date(testStart.getTime() - 2 * day));
    await say('nia', 'outlook will not open');
    const ref = /T-\d+/.exec(await say('nia', 'ticket Outlook will not open'))?.[0] ?? 'T-?';
    await say('ann', `claim ${ref}`);
    await say('ann', `resolve ${ref} Repaired the profile`);
    app.clock.set(testStart);
    await say('oli', 'teams camera is black');
    await say('oli', 'surveys off');
    await say('pat', 'how do I get a new badge?');
    for (const p of ['mo', 'nia', 'oli', 'pat']) await inbox(p);

    const reply = await say('lena', 'survey send-now team-pulse');
    expect(reply).toContain(
      'Sending Team pulse to 1 person (3 skipped: 1 asked how a ticket went less than 7 days ago; 1 said surveys off; 1 asked another survey less than 30 days ago).',
    );
    await app.runJob('pulse-surveys');
    const got = await Promise.all(
      ['mo', 'nia', 'oli', 'pat'].map(async (p) => pulsesIn(await inbox(p), 'Team pulse').length),
    );
    expect(got).toEqual([0, 0, 0, 1]);
    // oli was never sent it: a button made up for the ask kept back records nothing.
    const [kept] = await app.store.db.select().from(surveyAsks).where(eq(surveyAsks.skipped, 'opted_out'));
    expect(await chat.press('oli', { actionId: 'pulse_answer', value: `${kept?.id}:0:5` })).toMatch(
      /couldn't find that survey/,
    );
    const results = await say('lena', 'survey results team-pulse');
    expect(results).toContain('0% answered: 0 of 1 person asked.');
    expect(results).toContain(
      '3 not asked: 1 asked how a ticket went less than 7 days ago; 1 said surveys off; 1 asked another survey less than 30 days ago.',
    );
  });
});

describe('pulse surveys before any are set up (local chat)', () => {
  it('tells an admin where to put a survey file', async () => {
    const app = await startTestApp({ ADMINS: 'local:ann', SURVEYS_DIR: join(tmpdir(), 'tierdesk-no-such-folder') });
    try {
      const list = await localChat(app).say('ann', 'survey list');
      expect(list).toContain('No pulse surveys. Put a survey file (*.yaml) in');
      expect(list).toContain(
        'tierdesk-no-such-folder (SURVEYS_DIR); the README\'s "Surveys and feedback" has a sample',
      );
      expect(await localChat(app).say('ann', 'survey send-now any')).toContain('No surveys are set up');
    } finally {
      await app.close();
    }
  });
});
