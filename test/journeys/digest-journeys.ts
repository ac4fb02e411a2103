import { describe, expect } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { allText, findButton, journeysOn, type MakeDriver } from './chat-driver.ts';

const nextMondayNine = new Date(testStart.getTime() + 7 * 86_400_000);
const chartAlt = 'Chart of the last 8 weeks: questions per week as bars, deflection and CSAT as lines (0–100 %).';
const refIn = (text: string) => /T-\d+/.exec(text)?.[0] ?? 'no ticket';

/** The weekly digest on every platform: posted to the CoE's place once, with its chart, and on demand. */
export function digestJourneys(name: string, makeDriver: MakeDriver) {
  const journey = journeysOn(makeDriver);

  describe(`${name}: weekly digest journeys`, () => {
    journey(
      'posts last week to the CoE place once on Monday morning, chart included, and to a lead when asked',
      async (chat) => {
        // The week: alice is answered and says it helped; bob's ticket is resolved and he scores it 2.
        chat.at(testStart);
        const answer = await chat.say('alice', 'how do I reset my password?');
        await chat.click('alice', findButton(answer, /^\W*helpful$/i));
        const ref = refIn(allText(await chat.say('bob', 'ticket Printer jams on every page')));
        await chat.say('ann', `claim ${ref}`);
        await chat.say('ann', `resolve ${ref} Cleared the rollers`);
        const survey = await chat.inbox({ user: 'bob' });
        await chat.click('bob', findButton(survey, /^2$/));

        chat.at(nextMondayNine);
        await chat.runJob('weekly-digest');
        await chat.runJob('weekly-digest');
        const posted = await chat.inbox({ place: 'coe' });
        expect(posted).toHaveLength(1);
        const digest = allText(posted);
        expect(digest).toContain('Weekly digest 2026-W48 (Mon 23 Nov – Sun 29 Nov 2026)');
        for (const figure of [
          'Questions: 1 ▲ new',
          'Deflection: 100 %',
          'Tickets resolved: 1 ▲ new',
          'CSAT (4–5 of 5): 0 %',
        ])
          expect(digest).toContain(figure);
        expect(posted[0]?.images).toEqual([chartAlt]);

        expect(allText(await chat.say('bob', 'digest'))).toMatch(/lead|admin/i);
        expect(allText(await chat.say('ann', 'digest'))).toBe(
          "I've sent you the digest for 2026-W48 in a direct message.",
        );
        const sent = (await chat.inbox({ user: 'ann' })).filter((m) => m.text.includes('Weekly digest 2026-W48'));
        expect(sent).toHaveLength(1);
        expect(sent[0]?.images).toEqual([chartAlt]);
      },
      { queues: ['tier1', 'coe'], env: { PUBLIC_URL: 'https://desk.example.com' } },
    );
  });
}
