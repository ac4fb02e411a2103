import { z } from 'zod';
import { actionButton } from '../commands/action-button.ts';
import { defineWire } from '../commands/feature.ts';
import type { Button } from '../messages/message.ts';
import { type PromptCommand, ticketCopy } from '../messages/ticket-copy.ts';
import type { Ticket } from '../model/ticket.ts';

/** Claim on a queue card: its value is the ticket's number. */
export const claimWire = defineWire<{ ticketId: number }>({
  id: 'claim_ticket',
  value: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a ticket number')
    .transform((v) => ({ ticketId: Number(v) })),
  encode: ({ ticketId }) => String(ticketId),
});

/** Assign…, Escalate…, Resolve…: the command to prompt for, and the ticket. */
export const promptWire = defineWire<{ command: PromptCommand; ticketId: number }>({
  id: 'ticket_prompt',
  value: z
    .string()
    .regex(/^(assign|escalate|resolve):\d{1,9}$/, 'must be "<assign|escalate|resolve>:<ticket number>"')
    .transform((v) => {
      const [command, id] = v.split(':');
      return { command: command as PromptCommand, ticketId: Number(id) };
    }),
  encode: ({ command, ticketId }) => `${command}:${ticketId}`,
});

/** A queue card's buttons while the ticket is open: Claim (when nobody holds it), then the three prompts. */
export function queueCardButtons(t: Ticket): Button[] {
  if (t.status === 'resolved' || t.status === 'closed') return [];
  const labels = ticketCopy.promptLabels;
  const prompt = (command: PromptCommand) => actionButton(promptWire, labels[command], { command, ticketId: t.id });
  return [
    ...(t.assigneeId === null ? [actionButton(claimWire, labels.claim, { ticketId: t.id }, 'primary')] : []),
    prompt('assign'),
    prompt('escalate'),
    prompt('resolve'),
  ];
}
