import { describe, expect, it } from 'vitest';
import { allText, type ChatDriver, type DriverOptions, findButton, type MakeDriver } from './chat-driver.ts';

/** The journeys every adapter must pass; `makeDriver` starts a fresh desk for each. */
export function deskJourneys(name: string, makeDriver: MakeDriver) {
  /** Each journey gets a fresh desk (set up as `options` say) and always closes it. */
  const journey = (title: string, run: (chat: ChatDriver) => Promise<void>, options?: DriverOptions) =>
    it(title, async () => {
      const chat = await makeDriver(options);
      try {
        await run(chat);
      } finally {
        await chat.close();
      }
    });

  describe(`${name}: journeys`, () => {
    journey('answers a question with the right article and "did this help?" buttons', async (chat) => {
      const seen = await chat.say('alice', 'how do I reset my password?');
      expect(allText(seen)).toContain('Reset a forgotten password');
      const thanks = await chat.click('alice', findButton(seen, /^\W*helpful$/i));
      expect(allText(thanks)).toMatch(/glad that helped/i);
      expect(seen.flatMap((s) => s.buttons.map((b) => b.label))).toEqual(
        expect.arrayContaining([expect.stringMatching(/not helpful/i), expect.stringMatching(/talk to a human/i)]),
      );
    });

    journey('turns "not helpful" into a ticket the requester can follow with status and mine', async (chat) => {
      const answer = await chat.say('alice', 'how do I reset my password?');
      const sorry = await chat.click('alice', findButton(answer, /not helpful/i));
      expect(allText(sorry)).toMatch(/didn.t help/i);
      const opened = await chat.click('alice', findButton(sorry, /talk to a human/i));
      const ref = /T-\d+/.exec(allText(opened))?.[0];
      expect(ref).toBeDefined();
      const status = await chat.say('alice', `status ${ref}`);
      expect(allText(status)).toContain(`${ref}: how do I reset my password?`);
      expect(allText(status)).toMatch(/New/);
      expect(allText(await chat.say('alice', 'mine'))).toContain(ref);
      // Another person cannot read it.
      expect(allText(await chat.say('bob', `status ${ref}`))).toMatch(/couldn't find/i);
    });

    journey(
      'handles a repeated delivery once and opens one ticket however often "talk to a human" is pressed',
      async (chat) => {
        const first = await chat.say('carol', 'how do I set up the VPN?', { deliveryId: 'delivery-1' });
        const repeat = await chat.say('carol', 'how do I set up the VPN?', { deliveryId: 'delivery-1' });
        expect(first.length).toBeGreaterThan(0);
        expect(repeat).toEqual([]);
        const talk = findButton(first, /talk to a human/i);
        const one = allText(await chat.click('carol', talk));
        const two = allText(await chat.click('carol', talk));
        const refOne = /T-\d+/.exec(one)?.[0];
        expect(refOne).toBeDefined();
        expect(/T-\d+/.exec(two)?.[0]).toBe(refOne);
        expect(allText(await chat.say('carol', 'mine')).match(/T-\d+/g)).toEqual([refOne]);
      },
    );

    journey(
      'works a ticket across tiers: claim, escalate with a reason, resolve; the requester follows it',
      async (chat) => {
        const answer = await chat.say('alice', 'how do I connect to the vpn');
        const opened = await chat.click('alice', findButton(answer, /talk to a human/i));
        const ref = /T-\d+/.exec(allText(opened))?.[0] ?? 'T-?';

        // A requester cannot work tickets.
        expect(allText(await chat.say('alice', `claim ${ref}`))).toMatch(/only the help desk/i);

        // ann is an admin from ADMINS; she builds the desk and takes the ticket.
        expect(allText(await chat.say('ann', `staff add ${chat.identityOf('tess')} tier2`))).toMatch(/as agent, tier2/);
        expect(allText(await chat.say('ann', `claim ${ref}`))).toMatch(new RegExp(`${ref} is yours`));
        expect(allText(await chat.say('tess', `claim ${ref}`))).toMatch(/not your tier/);
        expect(
          allText(await chat.say('ann', `escalate ${ref} tunnel drops every 10 minutes, needs the network team`)),
        ).toMatch(/moved to Tier 2/);
        expect(allText(await chat.say('tess', `claim ${ref}`))).toMatch(/is yours/);
        expect(allText(await chat.say('tess', `note ${ref} firewall rule 7 suspected`))).toMatch(
          /Only the help desk sees it/,
        );
        expect(allText(await chat.say('tess', `resolve ${ref} Replaced the VPN profile`))).toMatch(/resolved/);

        expect(allText(await chat.say('alice', `status ${ref}`))).toMatch(/Resolved/);
        const history = allText(await chat.say('alice', `history ${ref}`));
        expect(history).toMatch(/escalated tier1 → tier2: tunnel drops every 10 minutes/);
        expect(history).toMatch(/resolved in_progress → resolved: Replaced the VPN profile/);
        expect(history).not.toMatch(/firewall rule 7/);
        expect(allText(await chat.say('tess', `history ${ref}`))).toMatch(/firewall rule 7/);
      },
    );

    journey('declines what the knowledge base does not cover and offers a human', async (chat) => {
      const seen = await chat.say('dave', 'what is the capital of Mongolia');
      expect(allText(seen)).toMatch(/couldn't find an article/i);
      findButton(seen, /talk to a human/i);
    });
  });
}
