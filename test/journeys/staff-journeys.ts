import { describe, expect } from 'vitest';
import { allText, type ChatDriver, findButton, journeysOn, type MakeDriver } from './chat-driver.ts';

const refIn = (text: string) => /T-\d+/.exec(text)?.[0] ?? 'T-?';

/** A help desk's daily flow as its staff live it: queues they can see, and being told what changed. */
export function staffJourneys(name: string, makeDriver: MakeDriver) {
  const journey = journeysOn(makeDriver);

  /** Adds each person to the help desk as an agent of the given tier (ann is an admin from ADMINS). */
  const hire = async (chat: ChatDriver, people: [string, string][]) => {
    for (const [who, tier] of people) {
      expect(allText(await chat.say('ann', `staff add ${chat.identityOf(who)} ${tier}`))).toMatch(/is now on/);
    }
  };

  describe(`${name}: staff journeys`, () => {
    journey(
      'escalations arrive in the next tier, and `queue` lists what waits there, most urgent first, with Claim',
      async (chat) => {
        await hire(chat, [['tess', 'tier2']]);
        const printer = refIn(allText(await chat.say('alice', 'ticket Printer on floor 3 jams')));
        const payroll = refIn(allText(await chat.say('bob', 'ticket Payroll system down')));
        expect(allText(await chat.say('ann', `priority ${payroll} P1`))).toContain('P1');
        await chat.inbox({ place: 'tier2' });
        for (const ref of [printer, payroll]) {
          expect(allText(await chat.say('ann', `escalate ${ref} tier2 needs a specialist`))).toMatch(
            /moved to Tier 2.*waits in that queue/s,
          );
        }
        // Each escalation reached Tier 2's queue as a card with Claim.
        const arrived = await chat.inbox({ place: 'tier2' });
        expect(allText(arrived)).toContain(printer);
        expect(allText(arrived)).toContain(payroll);
        findButton(arrived, /^claim$/i);

        // Tess asks what waits in her queue: the P1 first, though it came second; each with its Claim.
        const waiting = await chat.say('tess', 'queue');
        const text = allText(waiting);
        expect(text).toMatch(/Tier 2/);
        expect(text.indexOf(payroll)).toBeGreaterThan(-1);
        expect(text.indexOf(payroll)).toBeLessThan(text.indexOf(printer));
        const claims = waiting.flatMap((s) => s.buttons).filter((b) => /claim/i.test(b.label));
        expect(claims).toHaveLength(2);
        expect(allText(await chat.click('tess', claims[0] ?? findButton(waiting, /claim/i)))).toMatch(
          new RegExp(`${payroll} is yours`),
        );
        // Claimed, it no longer waits; a requester cannot look at the queues.
        const after = allText(await chat.say('tess', 'queue tier2'));
        expect(after).toContain(printer);
        expect(after).not.toContain(payroll);
        expect(allText(await chat.say('alice', 'queue tier2'))).toMatch(/only the help desk/i);
      },
      { queues: ['tier1', 'tier2'] },
    );

    journey(
      'the requester hears when their ticket is claimed and escalated, never the internal notes',
      async (chat) => {
        await hire(chat, [['ben', 'tier1']]);
        const ref = refIn(allText(await chat.say('alice', 'ticket VPN drops every hour')));
        await chat.inbox({ user: 'alice' });
        expect(allText(await chat.say('ben', `claim ${ref}`))).toMatch(/is yours/);
        expect(allText(await chat.inbox({ user: 'alice' }))).toMatch(new RegExp(`working on ${ref}`));
        expect(allText(await chat.say('ben', `escalate ${ref} tier2 firewall rule 7 suspected`))).toMatch(/Tier 2/);
        const told = allText(await chat.inbox({ user: 'alice' }));
        expect(told).toMatch(/Tier 2/);
        expect(told).not.toMatch(/firewall rule 7/);
      },
    );

    journey(
      'the assignee hears when the requester replies, someone else changes the ticket, and it is reopened',
      async (chat) => {
        await hire(chat, [['ben', 'tier1']]);
        const ref = refIn(allText(await chat.say('alice', 'ticket VPN drops every hour')));
        expect(allText(await chat.say('ben', `claim ${ref}`))).toMatch(/is yours/);
        expect(allText(await chat.say('ben', `wait ${ref} which VPN client version do you run?`))).toMatch(/paused/);
        await chat.inbox({ user: 'ben' });

        expect(allText(await chat.say('alice', `reply ${ref} version 5.2 on Windows`))).toMatch(/Thanks/);
        const replied = allText(await chat.inbox({ user: 'ben' }));
        expect(replied).toContain(ref);
        expect(replied).toContain('version 5.2 on Windows');
        expect(replied).toMatch(/SLA clock (runs|is running) again/i);

        expect(allText(await chat.say('ann', `priority ${ref} P2`))).toContain('P2');
        expect(allText(await chat.inbox({ user: 'ben' }))).toMatch(new RegExp(`${ref}.*P2`, 's'));
        // What Ben does himself he is not told about.
        expect(allText(await chat.say('ben', `resolve ${ref} Reinstalled the VPN client`))).toMatch(/resolved/);
        expect(await chat.inbox({ user: 'ben' })).toEqual([]);

        expect(allText(await chat.say('alice', `reopen ${ref} it dropped again this morning`))).toMatch(/open again/);
        const reopened = allText(await chat.inbox({ user: 'ben' }));
        expect(reopened).toMatch(/reopened/i);
        expect(reopened).toContain('it dropped again this morning');
      },
    );

    journey(
      'a reopened ticket whose assignee left the help desk goes back to its queue, unassigned',
      async (chat) => {
        await hire(chat, [['ben', 'tier1']]);
        const ref = refIn(allText(await chat.say('alice', 'ticket Laptop will not charge')));
        expect(allText(await chat.say('ben', `claim ${ref}`))).toMatch(/is yours/);
        expect(allText(await chat.say('ben', `resolve ${ref} New charger`))).toMatch(/resolved/);
        expect(allText(await chat.say('ann', `staff remove ${chat.identityOf('ben')}`))).toMatch(/no longer/);
        await chat.inbox({ place: 'tier1' });

        expect(allText(await chat.say('alice', `reopen ${ref} charger died too`))).toMatch(/open again/);
        const card = await chat.inbox({ place: 'tier1' });
        expect(allText(card)).toMatch(new RegExp(`${ref} from .+: Laptop will not charge \\(New.*unassigned\\)`));
        findButton(card, /^claim$/i);
        expect(allText(await chat.say('ann', `queue tier1`))).toContain(ref);
      },
      { queues: ['tier1'] },
    );
  });
}
