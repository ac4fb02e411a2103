import { describe, expect } from 'vitest';
import { allText, type ChatDriver, findButton, findForm, journeysOn, type MakeDriver } from './chat-driver.ts';

const refIn = (text: string) => /T-\d+/.exec(text)?.[0] ?? 'T-?';
const followUpIn = (text: string) => /A help desk lead will contact you about it: (T-\d+)/.exec(text)?.[1] ?? 'T-?';
/** When the journeys' desks start (test/support/test-app.ts), and a day. */
const start = new Date('2026-11-23T09:00:00Z').getTime();
const day = 86_400_000;
const complaint = 'unacceptable, it took a week and nobody said why';
/** How a complaint (or, graver, an escalation) about `ref` is acknowledged. */
const complaintAbout = (ref: string) =>
  `(Your complaint about ${ref}|What you wrote about ${ref} is recorded as an escalation)`;

/** Asking people how it went: CSAT after a resolution, answered once, on every platform. */
export function surveyJourneys(name: string, makeDriver: MakeDriver) {
  const journey = journeysOn(makeDriver);

  /** Alice's ticket, resolved by ann; returns its ref and what reached Alice on her own after it. */
  async function resolved(chat: ChatDriver, subject: string) {
    const ref = refIn(allText(await chat.say('alice', `ticket ${subject}`)));
    expect(allText(await chat.say('ann', `claim ${ref}`))).toMatch(/is yours/);
    await chat.inbox({ user: 'alice' });
    expect(allText(await chat.say('ann', `resolve ${ref} Replaced the dock's power supply`))).toMatch(/resolved/);
    return { ref, told: await chat.inbox({ user: 'alice' }) };
  }

  describe(`${name}: survey journeys`, () => {
    journey(
      'asks how it went once a ticket is resolved, and counts a score pressed twice once',
      async (chat) => {
        const { ref, told } = await resolved(chat, 'Dock does not power the monitors');
        expect(allText(told)).toContain(`How did we do on ${ref}?`);
        const scores = told.flatMap((s) => s.buttons).filter((b) => /^[1-5]$/.test(b.label));
        expect(scores.map((b) => b.label)).toEqual(['1', '2', '3', '4', '5']);

        const two = scores[1] ?? findButton(told, /^2$/);
        const first = allText(await chat.click('alice', two));
        expect(first).toContain(`you rated ${ref} 2 of 5`);
        expect(first).toMatch(/what went wrong/i);
        // A 2 is followed up by a person: a ticket of its own, in Tier 1's queue, linked to the one rated.
        const followUp = /A help desk lead will contact you about it: (T-\d+)/.exec(first)?.[1] ?? 'T-?';
        expect(followUp).not.toBe(ref);
        expect(allText(await chat.inbox({ place: 'tier1' }))).toMatch(
          new RegExp(`${followUp} from .+: Follow up: a low score on ${ref} \\(rated 2 of 5\\)`),
        );
        // The same press again (a double click, a second device) is the same answer.
        expect(allText(await chat.click('alice', two))).toMatch(/already; that stands/);
        // Someone else cannot answer Alice's survey.
        expect(allText(await chat.click('bob', two))).toMatch(/isn't yours/);

        // A comment after a 2 is acknowledged for what it is, and about that ticket.
        expect(
          allText(await chat.say('alice', `feedback ${ref} unacceptable, it took a week and nobody said why`)),
        ).toMatch(
          new RegExp(
            `(Your complaint about ${ref}|about ${ref} is recorded as an escalation).*contact you about it: ${followUp}`,
          ),
        );
      },
      { queues: ['tier1'] },
    );

    journey(
      "takes a comment in the platform's own form after a 2: asked for when empty, kept once, one follow-up",
      async (chat) => {
        const { ref, told } = await resolved(chat, 'Printer jams on every page');
        const rated = allText(await chat.click('alice', findButton(told, /^2$/)));
        expect(rated).toMatch(/add a comment to the survey/);
        const followUp = followUpIn(rated);
        expect(allText(await chat.inbox({ place: 'tier1' }))).toContain(`${followUp} from`);

        // Slack: a button opening a modal; Teams: a box in the card; the web chat: a form in the message.
        const form = findForm(told, /^(Add a comment|Send comment)$/);
        expect(allText(await chat.submitForm('alice', form, { comment: '   ' }))).toContain(
          'Please write your comment first.',
        );
        const said = allText(await chat.submitForm('alice', form, { comment: complaint }, { deliveryId: 'comment-1' }));
        expect(said).toMatch(new RegExp(`${complaintAbout(ref)}.*contact you about it: ${followUp}`));
        // The same delivery again (a retry) is not a second comment.
        const retried = allText(
          await chat.submitForm('alice', form, { comment: complaint }, { deliveryId: 'comment-1' }),
        );
        expect(retried).not.toMatch(new RegExp(complaintAbout(ref)));
        // Sent again from another device, it is the comment kept already, with the survey's one follow-up.
        expect(allText(await chat.submitForm('alice', form, { comment: complaint }))).toMatch(
          new RegExp(`We have that comment about ${ref} already.*contact you about it: ${followUp}`),
        );
        expect(allText(await chat.inbox({ place: 'tier1' }))).not.toMatch(/Follow up/);
        // Alice's survey is hers: a comment sent on it by someone else is not taken.
        expect(allText(await chat.submitForm('bob', form, { comment: 'all fine' }))).toMatch(/isn't yours/);
      },
      { queues: ['tier1'] },
    );

    journey(
      'follows up a complaint written in the form after a good score, and takes nothing once the survey closed',
      async (chat) => {
        const { ref, told } = await resolved(chat, 'Scanner saves blank pages');
        expect(allText(await chat.click('alice', findButton(told, /^4$/)))).toContain(`you rated ${ref} 4 of 5`);
        const form = findForm(told, /^(Add a comment|Send comment)$/);
        const said = allText(await chat.submitForm('alice', form, { comment: complaint }));
        expect(said).toMatch(new RegExp(`${complaintAbout(ref)}.*contact you about it: T-\\d+`));
        const followUp = followUpIn(said);
        expect(allText(await chat.inbox({ place: 'tier1' }))).toMatch(
          new RegExp(`${followUp} from .+: Follow up: (a complaint|an escalation) on ${ref} \\(rated 4 of 5\\)`),
        );

        chat.at(new Date(start + 15 * day));
        expect(allText(await chat.submitForm('alice', form, { comment: 'and the second scanner too' }))).toMatch(
          /this survey has closed/,
        );
        expect(allText(await chat.inbox({ place: 'tier1' }))).not.toMatch(/Follow up/);
        // Typed, the comment still reaches the ticket's record.
        expect(allText(await chat.say('alice', `feedback ${ref} the second scanner too`))).toContain(`about ${ref}`);
      },
      { queues: ['tier1'] },
    );

    journey('asks again after a reopen and a second resolution', async (chat) => {
      const { ref } = await resolved(chat, 'Keyboard keys stick');
      expect(allText(await chat.say('alice', `reopen ${ref} still sticking`))).toMatch(/open again/);
      await chat.inbox({ user: 'alice' });
      expect(allText(await chat.say('ann', `resolve ${ref} New keyboard`))).toMatch(/resolved/);
      expect(allText(await chat.inbox({ user: 'alice' }))).toContain(`How did we do on ${ref}?`);
    });
  });
}
