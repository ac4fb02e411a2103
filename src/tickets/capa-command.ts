import { defineCommand } from '../commands/feature.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { recordCapa } from '../store/sla-breaches.ts';
import { appendTicketEvent } from '../store/ticket-events.ts';
import { ticketArgs } from './ticket-args.ts';

/** Writes up every SLA breach of the ticket that has no corrective/preventive action recorded yet. */
export const capaCommand = defineCommand<{ name: 'capa'; ticketId: number; text: string }>({
  name: 'capa',
  usage: '`capa T-n <cause, corrective and preventive action>` — write up a missed SLA',
  audience: 'staff',
  refusal: { log: 'capa refused', text: {} },
  parse: ticketArgs((ticketId, text) => (text ? { name: 'capa', ticketId, text } : undefined)),
  async run(ctx, person, place, { ticketId, text }) {
    const ref = toTicketRef(ticketId);
    const at = ctx.clock.now();
    const targets = await recordCapa(ctx.db, ticketId, { text, by: person.id, at });
    if (targets.length === 0) return { text: ticketCopy.noCapaDue(ref) };
    await appendTicketEvent(
      ctx.db,
      ticketId,
      { actorId: person.id, platform: place.platform, at },
      { kind: 'capa', reason: text },
    );
    return { text: ticketCopy.capaRecorded(ref, targets) };
  },
});
