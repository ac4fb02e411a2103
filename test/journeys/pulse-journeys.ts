import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { allText, type ChatDriver, findButton, findForm, journeysOn, type MakeDriver } from './chat-driver.ts';

const day = 86_400_000;

/** A folder holding one pulse survey sent on Mondays at 09:00 (London), to everyone who asked in 30 days. */
function surveyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierdesk-pulse-'));
  writeFileSync(
    join(dir, 'monday-pulse.yaml'),
    [
      'id: monday-pulse',
      'title: How is the IT help desk doing?',
      'questions:',
      '  - { id: overall, kind: scale, text: Overall how satisfied are you with the help desk? }',
      '  - { id: recommend, kind: yes_no, text: Would you recommend it to a colleague? }',
      '  - { id: improve, kind: text, text: What one thing should we do better? }',
      'audience: { usedWithinDays: 30 }',
      "schedule: '0 9 * * 1'",
    ].join('\n'),
  );
  return dir;
}

const isPulse = (text: string) => text.includes('How is the IT help desk doing?');

/** Pulse surveys on every platform: sent on schedule under the fatigue cap, answered by press and in words. */
export function pulseJourneys(name: string, makeDriver: MakeDriver) {
  const journey = journeysOn(makeDriver);

  /** Bob's ticket resolved by ann, so a CSAT reached him at that moment. */
  async function csatFor(chat: ChatDriver, user: string) {
    const ref = /T-\d+/.exec(allText(await chat.say(user, 'ticket Printer jams on every page')))?.[0] ?? 'T-?';
    await chat.say('ann', `claim ${ref}`);
    await chat.say('ann', `resolve ${ref} Cleared the rollers`);
    await chat.inbox({ user });
  }

  describe(`${name}: pulse survey journeys`, () => {
    journey(
      'sends a scheduled pulse once, to those the cap allows, answered by press and in words',
      async (chat) => {
        chat.at(new Date(testStart.getTime() - 2 * day));
        for (const user of ['alice', 'bob', 'cleo']) await chat.say(user, 'how do I connect to the vpn');
        await csatFor(chat, 'bob');
        expect(allText(await chat.say('cleo', 'surveys off'))).toMatch(/won't be asked/);
        for (const user of ['alice', 'bob', 'cleo']) await chat.inbox({ user });

        chat.at(new Date(testStart.getTime() + 60_000));
        await chat.runJob('pulse-surveys');
        const toAlice = await chat.inbox({ user: 'alice' });
        expect(toAlice.filter((m) => isPulse(m.text))).toHaveLength(1);
        // Bob had "How did we do?" two days ago and Cleo said surveys off: neither is asked.
        expect((await chat.inbox({ user: 'bob' })).filter((m) => isPulse(m.text))).toEqual([]);
        expect((await chat.inbox({ user: 'cleo' })).filter((m) => isPulse(m.text))).toEqual([]);

        expect(allText(await chat.click('alice', findButton(toAlice, /^4$/)))).toMatch(/question 1 is 4 of 5/);
        expect(allText(await chat.click('alice', findButton(toAlice, /^Yes$/)))).toMatch(/question 2 is Yes/);
        expect(allText(await chat.click('alice', findButton(toAlice, /^Yes$/)))).toMatch(/already; that stands/);
        expect(allText(await chat.click('bob', findButton(toAlice, /^2$/)))).toMatch(/isn't yours/);
        // The written question is answered in the platform's own form (a Slack modal, the Teams card's box).
        const form = findForm(toAlice, /^(Answer question 3|Send answer)$/);
        expect(allText(await chat.submitForm('alice', form, { answer_3: '  ' }))).toMatch(/write your answer first/);
        expect(
          allText(await chat.submitForm('alice', form, { answer_3: 'quicker replies on Fridays please' })),
        ).toMatch(/thank|noted|recorded|passed on/i);
        expect(allText(await chat.submitForm('bob', form, { answer_3: 'not mine to answer' }))).toMatch(/isn't yours/);

        // The lead sees who was asked and who was not, and why: nobody is skipped silently.
        const results = allText(await chat.say('ann', 'survey results monday-pulse'));
        expect(results).toMatch(/less than 7 days ago/);
        expect(results).toMatch(/surveys off/);
        expect(results).toContain('quicker replies on Fridays please');
        expect(allText(await chat.say('alice', 'survey results monday-pulse'))).toMatch(/only admins and leads/);

        // The next minute's run sends nobody the same survey again.
        chat.at(new Date(testStart.getTime() + 2 * 60_000));
        await chat.runJob('pulse-surveys');
        expect((await chat.inbox({ user: 'alice' })).filter((m) => isPulse(m.text))).toEqual([]);
      },
      { env: { SURVEYS_DIR: surveyFolder() } },
    );
  });
}
