import { actionButton } from '../commands/action-button.ts';
import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { toWaitingTicketsMessage } from '../messages/queue-view.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import type { Person } from '../model/person.ts';
import { toTicketRef } from '../model/ticket.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import { listWaiting } from '../store/queue-waiting.ts';
import { toFollowUpOf } from './follow-up-note.ts';
import { claimWire } from './queue-card-buttons.ts';

/** One tier's list has room for ten; all four together keep within a chat message's 50 blocks. */
const oneTier = 10;
const eachOfAll = 5;

async function waitingIn(ctx: DeskContext, tier: Tier, limit: number): Promise<Message> {
  const { waiting, total } = await listWaiting(ctx.db, tier, limit);
  const shown = waiting.map(({ ticket, followUp }) => ({
    ticket,
    claim: actionButton(claimWire, `${ticketCopy.promptLabels.claim} ${toTicketRef(ticket.id)}`, {
      ticketId: ticket.id,
    }),
    ...(followUp ? { followUp: toFollowUpOf(followUp) } : {}),
  }));
  return toWaitingTicketsMessage(tier, { shown, total }, ctx.clock.now());
}

/**
 * `queue [tier]`: what waits unclaimed, with Claim, in the order to take it (P1, follow-ups of feedback, the
 * rest: store/queue-waiting.ts). Without a tier, an agent sees their own tier's queue and
 * a lead or admin (who work every tier) sees every queue.
 */
export async function waitingTickets(ctx: DeskContext, person: Person, tier?: Tier): Promise<Message> {
  const chosen = tier ?? person.tier;
  if (chosen) return waitingIn(ctx, chosen, oneTier);
  const each = await Promise.all(tiers.map((t) => waitingIn(ctx, t, eachOfAll)));
  return {
    text: each.map((m) => m.text).join('\n\n'),
    blocks: each.flatMap((m, i) => [...(i > 0 ? [{ kind: 'divider' as const }] : []), ...(m.blocks ?? [])]),
  };
}
