import { type Ticket, toTicketRef } from '../model/ticket.ts';
import { toDeskTime } from './desk-time.ts';
import type { Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import { tierNames } from './tier-names.ts';

export type SlaTarget = 'response' | 'resolution';

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'unknown');
const dueOf = (t: Ticket, target: SlaTarget) => (target === 'response' ? t.responseDueAt : t.resolutionDueAt);

const say = (text: string): Message => ({ text: stripMarkdown(text), blocks: [{ kind: 'text', text }] });

/** Why the desk moved a ticket up, as its history keeps it: the due time in the desk's zone, in words. */
export const slaMissedReason = (target: SlaTarget, dueAt: Date, timeZone: string) =>
  `SLA: ${target} target missed (due ${toDeskTime(dueAt, timeZone)})`;

export function toSlaWarningMessage(t: Ticket, target: SlaTarget): Message {
  return say(
    `⏰ **${toTicketRef(t.id)}** (${t.priority}, ${literal(t.subject)}): 75% of the ${target} time is used. Due ${when(dueOf(t, target))}.`,
  );
}

export function toSlaBreachMessage(
  t: Ticket,
  target: SlaTarget,
  action: 'escalated' | 'paged_lead',
  /** False when the tier it moved to has no queue: nobody there hears of it. */
  queued = true,
): Message {
  const ref = toTicketRef(t.id);
  const next =
    action === 'paged_lead'
      ? 'There is no higher tier: the leads are paged.'
      : queued
        ? `It moved to ${tierNames[t.tier]} and waits in that queue.`
        : `It moved to ${tierNames[t.tier]}, which has no queue: nobody there was told. Set one with \`queue set ${t.tier} <platform:place>\`.`;
  return say(
    `🚨 **${ref}** (${t.priority}, ${literal(t.subject)}) missed its ${target} target (due ${when(dueOf(t, target))}). ${next} Record the cause and corrective/preventive action with \`capa ${ref} <text>\`.`,
  );
}

export function toStaleReminderMessage(t: Ticket): Message {
  const ref = toTicketRef(t.id);
  return say(
    `👋 **${ref}** (${literal(t.subject)}) has not changed since ${when(t.updatedAt)}. Reply to the requester, \`wait\`, \`escalate\` or \`resolve\` it.`,
  );
}
