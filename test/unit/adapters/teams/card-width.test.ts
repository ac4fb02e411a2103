import type { Attachment } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { toAdaptiveCard } from '../../../../adapters/teams/render.ts';
import { toActivity } from '../../../../adapters/teams/to-activity.ts';
import { toStaffTicketMessage, toTicketStatusMessage } from '../../../../src/messages/ticket-view.ts';
import { cardProblems } from './adaptive-card-check.ts';
import { representativeMessages as m, ticket } from './card-messages.ts';

const full = { width: 'Full' };

describe('Teams cards are full width where they read better wide', () => {
  it("a card with fields: a ticket's status, the queue card, the staff view", () => {
    for (const message of [
      m.fields,
      m['a queue card (fields, buttons, context)'],
      toTicketStatusMessage(ticket),
      toStaffTicketMessage(ticket, { requester: 'Alice' }),
    ]) {
      const card = toAdaptiveCard(message!);
      expect(card.msteams).toEqual(full);
      // Sent, and as an invoke's answer that replaces a pressed card.
      expect(((toActivity(message!).attachments ?? []) as Attachment[])[0]?.content.msteams).toEqual(full);
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it('an answer, a question with choices, a form or plain text stays at the default width', () => {
    for (const name of [
      'an answer (text, context, feedback buttons)',
      'a clarifying question (buttons)',
      'a form',
      'text with markdown',
      'an empty message',
    ]) {
      expect(toAdaptiveCard(m[name]!)).not.toHaveProperty('msteams');
    }
  });
});
