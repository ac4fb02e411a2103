import type { FormValues } from './messages/form.ts';
import type { Attachment, PersonRef, PlaceRef } from './model/identity.ts';

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
   * (a thread in a staff channel): it only acts on it when a feature knows that thread.
   */
  | (InboundBase & { kind: 'message'; text: string; addressed?: boolean; attachments?: Attachment[] })
  /** Text that is explicitly a command (a slash command's arguments). */
  | (InboundBase & { kind: 'command'; text: string })
  /** A button click: the action id and value are still unparsed outside input. */
  | (InboundBase & { kind: 'action'; actionId: string; value: string })
  /** A submitted form: its id and the values as they came, read by the form's own spec. */
  | (InboundBase & { kind: 'form'; formId: string; values: FormValues });

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
    case 'form':
      return {
        ...inbound,
        values: Object.fromEntries(
          Object.entries(inbound.values).map(([k, v]) => [k, v === undefined ? v : printable(v)]),
        ),
      };
    case 'action':
      return inbound;
  }
}
