import { describe, expect } from 'vitest';
import { allText, findButton, journeysOn, type MakeDriver } from './chat-driver.ts';

/** Admins and leads see, refit and reset how the desk decides to answer, the same on every platform. */
export function calibrationJourneys(name: string, makeDriver: MakeDriver) {
  const journey = journeysOn(makeDriver);

  describe(`${name}: calibration journeys`, () => {
    journey(
      '`kb calibration`, `kb calibrate` and `kb calibrate reset` say what the decision is and why',
      async (chat) => {
        expect(allText(await chat.say('ann', 'kb calibration'))).toMatch(
          /the shipped one\. Not calibrated yet: 0 of the 50 outcomes.*Answers at\* confidence 0\.85 or more/s,
        );
        // One 👍 is an outcome, far from enough to refit on: the desk says so and keeps the shipped curve.
        const answer = await chat.say('alice', 'how do I reset my password');
        await chat.click('alice', findButton(answer, /^\W*helpful$/i));
        const refit = allText(await chat.say('ann', 'kb calibrate'));
        expect(refit).toMatch(
          /the shipped one\. Checked on \d{4}-\d\d-\d\d \d\d:\d\d UTC by \S+: 1 of the 50 outcomes/,
        );
        expect(refit).toMatch(/On the 1 logged outcomes\*: 100\.0 % would be answered with the right article/);
        expect(allText(await chat.say('ann', 'kb calibrate reset'))).toMatch(/the shipped one\. Reset on .* by \S+\./);
        expect(allText(await chat.say('alice', 'kb calibrate'))).toMatch(/only admins and leads/);
      },
    );
  });
}
