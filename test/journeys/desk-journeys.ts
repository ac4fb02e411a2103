import { describe, expect } from 'vitest';
import { allText, findButton, journeysOn, type MakeDriver } from './chat-driver.ts';

/** Monday 23 November 2026, a business day, at `hh:mm` UTC. */
const monday = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

/** The journeys every adapter must pass; `makeDriver` starts a fresh desk for each. */
export function deskJourneys(name: string, makeDriver: MakeDriver) {
  const journey = journeysOn(makeDriver);

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

    journey('handles a delivery whose first handling failed when the platform sends it again, once', async (chat) => {
      await chat.failNextInsert('tickets');
      const failed = await chat.say('carol', 'ticket the printer on floor 3 jams', { deliveryId: 'delivery-7' });
      expect(allText(failed)).toMatch(/went wrong/i);
      const retried = await chat.say('carol', 'ticket the printer on floor 3 jams', { deliveryId: 'delivery-7' });
      const ref = /T-\d+/.exec(allText(retried))?.[0];
      expect(ref).toBeDefined();
      expect(await chat.say('carol', 'ticket the printer on floor 3 jams', { deliveryId: 'delivery-7' })).toEqual([]);
      expect(allText(await chat.say('carol', 'mine')).match(/T-\d+/g)).toEqual([ref]);
    });

    journey('handles a delivery its desk died handling once more, finding the ticket it had opened', async (chat) => {
      const first = await chat.say('dave', 'ticket the badge reader at door 2 is dead', { deliveryId: 'delivery-9' });
      const ref = /T-\d+/.exec(allText(first))?.[0];
      expect(ref).toBeDefined();
      // Handled: a retry is ignored.
      expect(await chat.say('dave', 'ticket the badge reader at door 2 is dead', { deliveryId: 'delivery-9' })).toEqual(
        [],
      );
      await chat.abandonClaims();
      const again = await chat.say('dave', 'ticket the badge reader at door 2 is dead', { deliveryId: 'delivery-9' });
      expect(allText(again)).toContain(ref);
      expect(allText(await chat.say('dave', 'mine')).match(/T-\d+/g)).toEqual([ref]);
      expect(await chat.say('dave', 'ticket the badge reader at door 2 is dead', { deliveryId: 'delivery-9' })).toEqual(
        [],
      );
    });

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
        expect(history).toMatch(/escalated it from Tier 1 to Tier 2: tunnel drops every 10 minutes/);
        expect(history).toMatch(/resolved it: Replaced the VPN profile/);
        expect(history).not.toMatch(/firewall rule 7/);
        expect(allText(await chat.say('tess', `history ${ref}`))).toMatch(/firewall rule 7/);
      },
    );

    journey('declines what the knowledge base does not cover and offers a human', async (chat) => {
      const seen = await chat.say('dave', 'what is the capital of Mongolia');
      expect(allText(seen)).toMatch(/couldn't find an article/i);
      findButton(seen, /talk to a human/i);
    });

    journey(
      'warns at 75% once, then on breach escalates once to Tier 2, alerts the assignee and asks for a CAPA',
      async (chat) => {
        chat.at(monday('09:00'));
        for (const [who, tier] of [
          ['ben', 'tier1'],
          ['tess', 'tier2'],
        ] as const) {
          expect(allText(await chat.say('ann', `staff add ${chat.identityOf(who)} ${tier}`))).toMatch(
            new RegExp(`is now on the help desk as agent, ${tier}`),
          );
        }
        const ref = /T-\d+/.exec(allText(await chat.say('alice', 'ticket Payroll system down')))?.[0] ?? 'T-?';
        expect(allText(await chat.say('ann', `priority ${ref} P1`))).toContain(`${ref} is now P1`);
        expect(allText(await chat.say('ben', `claim ${ref}`))).toContain(`${ref} is yours`);
        // The Tier 1 queue saw the ticket arrive; what came before the clock runs out is not this journey's.
        expect(allText(await chat.inbox({ place: 'tier1' }))).toMatch(
          new RegExp(`${ref} from .+: Payroll system down`),
        );
        for (const inbox of [{ user: 'alice' }, { user: 'ben' }, { user: 'tess' }, { place: 'tier2' }] as const) {
          await chat.inbox(inbox);
        }

        // A P1 has 4 hours, round the clock, to be resolved: the warning comes at 75 %, 12:00, and only once.
        chat.at(monday('11:59'));
        expect((await chat.sweep()).warned).toBe(0);
        expect(await chat.inbox({ user: 'ben' })).toEqual([]);
        chat.at(monday('12:00'));
        expect((await chat.sweep()).warned).toBe(1);
        const warning = new RegExp(`⏰ ${ref} \\(P1, Payroll system down\\): 75% of the resolution time is used`);
        const benWarned = await chat.inbox({ user: 'ben' });
        expect(benWarned.map((s) => s.text)).toEqual([expect.stringMatching(warning)]);
        const queueWarned = await chat.inbox({ place: 'tier1' });
        expect(queueWarned.map((s) => s.text)).toEqual([expect.stringMatching(warning)]);
        expect((await chat.sweep()).warned).toBe(0);
        expect(await chat.inbox({ user: 'ben' })).toEqual([]);
        expect(await chat.inbox({ place: 'tier1' })).toEqual([]);

        // At 13:00 it is missed: escalated to Tier 2 once, unassigned, with a card of its own there.
        chat.at(monday('13:00'));
        expect((await chat.sweep()).breached).toBe(1);
        expect((await chat.sweep()).breached).toBe(0);
        const breach = new RegExp(`🚨 ${ref} \\(P1, Payroll system down\\) missed its resolution target`);
        const benAlerted = allText(await chat.inbox({ user: 'ben' }));
        expect(benAlerted).toMatch(breach);
        expect(benAlerted).toMatch(/It moved to Tier 2/);
        expect(benAlerted).toContain(`capa ${ref}`);
        expect(benAlerted.match(/🚨/g)).toHaveLength(1);
        const tier1 = allText(await chat.inbox({ place: 'tier1' }));
        expect(tier1).toMatch(breach);
        expect(tier1).toMatch(new RegExp(`${ref} from .+: Payroll system down \\(New.*, Tier 2 technical`));
        const tier2 = await chat.inbox({ place: 'tier2' });
        expect(tier2.map((s) => s.text)).toEqual([
          expect.stringMatching(
            new RegExp(`^${ref} from .+: Payroll system down \\(New.*, Tier 2 technical, unassigned\\)`),
          ),
        ]);
        findButton(tier2, /^claim$/i);
        // The requester is told it is with Tier 2 now; the SLA internals are the help desk's.
        const aliceTold = allText(await chat.inbox({ user: 'alice' }));
        expect(aliceTold).toMatch(/Tier 2 technical/);
        expect(aliceTold).not.toMatch(/🚨|capa/);
        expect(allText(await chat.say('tess', `history ${ref}`))).toMatch(
          /escalated it from Tier 1 to Tier 2: SLA: resolution target missed/,
        );
        expect(await chat.sweep()).toMatchObject({ warned: 0, breached: 0 });
        expect(await chat.inbox({ user: 'ben' })).toEqual([]);
        expect(await chat.inbox({ place: 'tier2' })).toEqual([]);

        // The breach waits for its cause and corrective/preventive action, recorded once, by the help desk.
        expect(
          allText(
            await chat.say(
              'ben',
              `capa ${ref} Cause: no on-call cover at lunch. Corrective: escalated. Preventive: lunch rota.`,
            ),
          ),
        ).toMatch(new RegExp(`Recorded the CAPA for ${ref} \\(resolution target\\)`));
        expect(allText(await chat.say('ben', `capa ${ref} again`))).toMatch(/no missed SLA waiting/);
        expect(allText(await chat.say('alice', `capa ${ref} x`))).toMatch(/only the help desk/);
      },
      { queues: ['tier1', 'tier2'] },
    );
  });
}
