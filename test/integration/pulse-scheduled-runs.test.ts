import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlPulse, planPulseRun, startPulseRun } from '../../src/store/pulse-runs.ts';
import { people as peopleTable, surveyAsks } from '../../src/store/schema.ts';
import { parsePulseSurvey } from '../../src/surveys/pulse-survey-file.ts';
import { localChat, pulsesIn, surveyFolder, surveyYaml } from '../support/pulse-chat.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const people = ['quinn', 'rosa', 'sam', 'tara'];
const held = surveyYaml({ id: 'held-pulse', title: 'Held pulse' });
/** Europe/London is on GMT in November and December: 09:00 there is 09:00 UTC. */
const at = (iso: string) => new Date(`${iso}Z`);

describe('a scheduled pulse survey, on two desks over one store (local chat)', () => {
  let a: TestApp;
  let b: TestApp;
  const setClocks = (iso: string) => {
    a.clock.set(at(iso));
    b.clock.set(at(iso));
  };
  /** How many pulses titled `title` each person got, on either desk. */
  const received = async (title: string) =>
    Promise.all(
      people.map(async (p) => {
        const [onA, onB] = await Promise.all([localChat(a).inbox(p), localChat(b).inbox(p)]);
        return pulsesIn([...onA, ...onB], title).length;
      }),
    );
  const tick = () => Promise.all([a.runJob('pulse-surveys'), b.runJob('pulse-surveys')]);

  beforeAll(async () => {
    const dir = await surveyFolder({
      'weekly.yaml': surveyYaml({ id: 'weekly-pulse', title: 'Weekly pulse', schedule: '0 9 * * 1' }),
      'held.yaml': held,
      'broken.yaml': surveyYaml({ id: 'broken-pulse', title: 'Broken' }).replace('kind: scale', 'kind: stars'),
    });
    // No minimum gap between pulses here: the same people are asked each week the schedule runs.
    const env = { ADMINS: 'local:ann', SURVEYS_DIR: dir, PULSE_MIN_DAYS: '0' };
    a = await startTestApp(env);
    b = await startTestApp(env, a.store);
    setClocks('2026-11-20T12:00:00');
    for (const p of people) await localChat(a).say(p, 'how do I connect to the office wifi?');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('lists each survey with its schedule in words and next run, and a bad file with its problem', async () => {
    const list = await localChat(b).say('ann', 'survey list');
    expect(list).toContain('Weekly pulse weekly-pulse');
    expect(list).toContain(
      '3 questions · to people who asked the desk in the last 30 days · every Monday at 09:00 (Europe/London), next Mon 23 Nov 09:00 · never sent',
    );
    expect(list).toContain('Held pulse held-pulse');
    expect(list).toContain('on demand (survey send-now)');
    expect(list).toMatch(/broken\.yaml: questions\.0\.kind must be one of scale, yes_no, text/);
  });

  it('sends each slot once: two desks ticking at the same moment, and again a minute later', async () => {
    setClocks('2026-11-23T09:00:00');
    await tick();
    expect(await received('Weekly pulse')).toEqual([1, 1, 1, 1]);
    setClocks('2026-11-23T09:01:00');
    await tick();
    expect(await received('Weekly pulse')).toEqual([0, 0, 0, 0]);
    expect(await localChat(a).say('ann', 'survey list')).toMatch(/last sent Mon 23 Nov 09:00, 0% answered \(0 of 4\)/);
  });

  it('pause stops the scheduled run; resume lets the next slot go, not the one missed', async () => {
    const ann = localChat(b);
    setClocks('2026-11-23T10:00:00');
    expect(await ann.say('ann', 'survey pause weekly-pulse')).toContain('Paused Weekly pulse');
    expect(await ann.say('ann', 'survey pause weekly-pulse')).toContain('Weekly pulse is paused already.');
    expect(await ann.say('ann', 'survey list')).toMatch(/Weekly pulse weekly-pulse · paused/);
    setClocks('2026-11-30T09:00:00');
    await tick();
    expect(await received('Weekly pulse')).toEqual([0, 0, 0, 0]);
    setClocks('2026-11-30T09:05:00');
    expect(await ann.say('ann', 'survey resume weekly-pulse')).toContain(
      'Resumed Weekly pulse: its next run is Mon 7 Dec 09:00.',
    );
    expect(await ann.say('ann', 'survey resume weekly-pulse')).toContain('Weekly pulse is not paused.');
    await tick();
    expect(await received('Weekly pulse')).toEqual([0, 0, 0, 0]);
    setClocks('2026-12-07T09:00:00');
    await tick();
    expect(await received('Weekly pulse')).toEqual([1, 1, 1, 1]);
    expect(await ann.say('ann', 'survey results weekly-pulse')).toContain('Weekly pulse, sent Mon 7 Dec 09:00');
  });

  it('pause holds a run that is waiting to be sent, and resume sends it', async () => {
    const ann = localChat(a);
    expect(await ann.say('ann', 'survey pause held-pulse')).toContain('Paused Held pulse');
    expect(await ann.say('ann', 'survey send-now held-pulse')).toContain('Held pulse is paused, so it was not sent.');
    // A run begun before the pause and not sent yet (as a restart leaves one): the store keeps it waiting.
    const parsed = parsePulseSurvey(held);
    if (!parsed.ok) throw new Error(parsed.problem);
    const now = a.clock.now();
    await startPulseRun(a.store.db, {
      surveyId: 'held-pulse',
      slot: now,
      trigger: 'send_now',
      survey: parsed.survey,
      startedAt: now,
    });
    await tick();
    expect(await received('Held pulse')).toEqual([0, 0, 0, 0]);
    await ann.say('ann', 'survey resume held-pulse');
    await tick();
    expect(await received('Held pulse')).toEqual([1, 1, 1, 1]);
  });

  it('sends nothing of a run held past its closing: those not reached are counted, not asked', async () => {
    const parsed = parsePulseSurvey(surveyYaml({ id: 'late-pulse', title: 'Late pulse' }));
    if (!parsed.ok) throw new Error(parsed.problem);
    const now = a.clock.now();
    const run = await startPulseRun(a.store.db, {
      surveyId: 'late-pulse',
      slot: now,
      trigger: 'send_now',
      survey: parsed.survey,
      startedAt: now,
    });
    if (!run) throw new Error('run not started');
    const ids = await a.store.db
      .select({ id: peopleTable.id })
      .from(peopleTable)
      .where(inArray(peopleTable.userId, people));
    const place = { platform: 'local', workspace: 'local', channel: 'dm' };
    await planPulseRun(
      a.store.db,
      run.id,
      ids.map((p) => ({ personId: p.id, place })),
      {
        askedAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
      },
    );
    await controlPulse(a.store.db, { surveyId: 'late-pulse', action: 'pause', by: ids[0]?.id ?? 0, at: now });
    await tick();
    setClocks(new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, -1));
    await controlPulse(a.store.db, { surveyId: 'late-pulse', action: 'resume', by: ids[0]?.id ?? 0, at: now });
    await tick();
    expect(await received('Late pulse')).toEqual([0, 0, 0, 0]);
    const asks = await a.store.db.select().from(surveyAsks).where(eq(surveyAsks.runId, run.id));
    expect(asks.map((x) => x.skipped)).toEqual([
      'closed_before_sent',
      'closed_before_sent',
      'closed_before_sent',
      'closed_before_sent',
    ]);
  });
});
