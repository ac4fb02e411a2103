import type { PlaceRef } from './store/schema.ts';
import type { NewTicketForm } from './tickets/new-ticket-form.ts';

export type { PlaceRef };

/** Who is speaking: `{ platform, workspace, userId }` is the identity; the name is for display. */
export interface PersonRef {
  platform: string;
  workspace: string;
  userId: string;
  displayName?: string;
}

interface InboundBase {
  from: PersonRef;
  place: PlaceRef;
  /** The platform's id for this delivery; a repeat of one already handled is ignored. */
  deliveryId?: string;
}

/** What adapters hand the desk, already validated at their edge. */
export type Inbound =
  /**
   * Free text: a question, or a command typed in chat. `addressed: false` marks talk the desk overhears
   * (a thread in a staff channel): it only acts on it when that thread is a ticket's queue card.
   */
  | (InboundBase & { kind: 'message'; text: string; addressed?: boolean })
  /** Text that is explicitly a command (a slash command's arguments). */
  | (InboundBase & { kind: 'command'; text: string })
  /** A button click: the action id and value are still unparsed outside input. */
  | (InboundBase & { kind: 'action'; actionId: string; value: string })
  /** A submitted "new ticket" form, already checked with `parseNewTicketForm`. */
  | (InboundBase & { kind: 'new_ticket'; form: NewTicketForm });

/** Control characters other than tab and line breaks: invisible, and Postgres refuses a text holding NUL. */
const controlCharacters = /[^\P{Cc}\t\n\r]/gu;
const printable = (text: string) => text.replace(controlCharacters, '');

/**
 * The same inbound with control characters taken out of what people typed, so a stray NUL pasted into a
 * question is dropped rather than failing the insert and losing the question.
 */
export function withPrintableText(inbound: Inbound): Inbound {
  switch (inbound.kind) {
    case 'message':
    case 'command':
      return { ...inbound, text: printable(inbound.text) };
    case 'new_ticket':
      return {
        ...inbound,
        form: {
          ...inbound.form,
          subject: printable(inbound.form.subject),
          description: printable(inbound.form.description),
        },
      };
    case 'action':
      return inbound;
  }
}
