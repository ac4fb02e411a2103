import { words } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { deskCopy } from '../messages/desk-copy.ts';
import { isTier, type Tier, tiers } from '../model/tiers.ts';
import { splitPlace } from '../outbox.ts';
import { waitingTickets } from '../tickets/queue-waiting.ts';
import { queueFor, setQueue } from '../tickets/queues.ts';

type QueueCommand =
  | { name: 'queue'; action: 'set'; tier: Tier; place: string }
  | { name: 'queue'; action: 'list' }
  /** What waits unclaimed in a tier (the person's own, or every tier for leads and admins). */
  | { name: 'queue'; action: 'waiting'; tier?: Tier }
  /** Typed in a channel: what to call this channel in `queue set` and QUEUE_*, or make it a tier's queue. */
  | { name: 'queue'; action: 'here'; tier?: Tier };

const c = deskCopy.queues;

/** `queue tier2`, `queue t2`, `queue 2`, `queue vendor`: the tier whose waiting tickets to list. */
const tierAliases: Record<string, Tier> = { t1: 'tier1', t2: 'tier2', t3: 'tier3', 1: 'tier1', 2: 'tier2', 3: 'tier3' };
const tierNamed = (word: string): Tier | undefined => (isTier(word) ? word : tierAliases[word]);

function parseQueue(args: string): QueueCommand | undefined {
  const [action = '', tier = '', place = '', ...extra] = words(args);
  if (!action) return { name: 'queue', action: 'waiting' };
  const waitingIn = tierNamed(action.toLowerCase());
  if (waitingIn && !tier) return { name: 'queue', action: 'waiting', tier: waitingIn };
  if (action === 'list' && !tier) return { name: 'queue', action: 'list' };
  const t = tier.toLowerCase();
  if (action === 'here' && !place) {
    if (!tier) return { name: 'queue', action: 'here' };
    if (isTier(t)) return { name: 'queue', action: 'here', tier: t };
  }
  if (action === 'set' && isTier(t) && /^[a-z]+:.+$/.test(place) && extra.length === 0)
    return { name: 'queue', action: 'set', tier: t, place };
  return undefined;
}

/** Admins and leads decide where each tier's queue is; anyone on the help desk may look. */
export const queueCommand = defineCommand<QueueCommand>({
  name: 'queue',
  usage:
    "`queue [tier]` — what waits unclaimed, P1 and follow-ups of feedback first, with Claim; `queue set tier1|tier2|tier3|vendor <platform:place>`, `queue here [tier]` (in the channel), `queue list` — where each tier's queue is (admins and leads set them)",
  audience: 'staff',
  audienceOf: (command) =>
    command.action === 'set' || (command.action === 'here' && command.tier) ? 'overseers' : 'staff',
  refusal: { log: 'queue command refused', text: { staff: c.refusedToRequesters, overseers: c.refusedToAgents } },
  parse(args, explicit) {
    const command = parseQueue(args);
    // Naming one of the command's actions marks a slip in a command rather than a question.
    if (command) return command;
    return explicit || /^(set|list|here)\b/.test(args) ? { usage: 'bad_arguments' } : undefined;
  },
  async run(ctx, person, place, command) {
    if (command.action === 'waiting') return waitingTickets(ctx, person, command.tier);
    if (command.action === 'here') {
      // A queue is the channel itself: cards start threads of their own there.
      const here = `${place.platform}:${place.channel}`;
      if (!command.tier) return { text: c.here(here) };
      command = { name: 'queue', action: 'set', tier: command.tier, place: here };
    }
    if (command.action === 'list') {
      const lines = await Promise.all(
        tiers.map(async (tier) => {
          const place = await queueFor(ctx, tier);
          if (!place) return `- ${tier}: ${c.notSet}`;
          const problem = await ctx.delivery.knownProblem(place);
          return `- ${tier}: ${place}${problem ? ` ${c.unreachable(tier, problem)}` : ''}`;
        }),
      );
      return { text: [c.heading, ...lines].join('\n') };
    }
    const { platform } = splitPlace(command.place);
    if (!ctx.delivery.connected(platform)) return { text: c.notConnected(platform) };
    await setQueue(ctx, command.tier, command.place, person.id);
    ctx.log.info('queue set', { by: person.id, tier: command.tier, place: command.place });
    return { text: c.moved(command.tier, command.place) };
  },
});
