import type { Form } from './form.ts';

/**
 * The neutral message model every view produces and every adapter renders. `text` is always a complete
 * fallback: it is what the terminal shows and what notifications display.
 */
export interface Message {
  text: string;
  blocks?: Block[];
  /**
   * Set on a message the desk will want to edit later (a ticket's status). The adapter that posts it
   * reports where, with `desk.posted(remember, posted)`. Opaque to adapters; never shown.
   */
  remember?: string;
  /**
   * On the reply to a button press: the press settled what the pressed message asked ("Did this help?"), so
   * its buttons are spent and platforms may show what was chosen instead. Absent: the pressed message stays
   * as it is (a queue card the desk re-renders itself, a refusal, a failure: its buttons stay usable).
   */
  settles?: boolean;
}

/** The reply to a press that settled the pressed message's question. */
export const settling = (message: Message): Message => ({ ...message, settles: true });

export type Block =
  /** A small markdown subset: **bold**, _italic_, `code`, [label](url), "- " and "1. " lines. */
  | { kind: 'text'; text: string }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'actions'; buttons: Button[] }
  | { kind: 'context'; text: string }
  | { kind: 'divider' }
  /**
   * A 1–5 rating ("How did we do?"): its question and one button per score, lowest first, each labelled with
   * its number. Rendered as a row of native buttons; pressed like any other button.
   */
  | { kind: 'rating'; label: string; buttons: Button[] }
  /** A form to fill in: a Slack modal (opened from a button), Adaptive Card inputs, a web form. */
  | { kind: 'form'; form: Form }
  /**
   * A picture the desk serves itself (a chart), at `url`: absolute on PUBLIC_URL when set, else a path on the
   * desk's own server, signed and expiring. Slack gets the file uploaded into the message's thread, Teams an
   * Image in the card, the local chat a link. `alt` describes it for those who cannot see it.
   */
  | { kind: 'image'; url: string; alt: string; title: string };

export interface Field {
  label: string;
  value: string;
}

export interface Button {
  label: string;
  /** The id of the action a feature registered; unknown ids are refused when they come back. */
  actionId: string;
  /** Comes back as outside input when clicked: parsed again, never trusted. */
  value: string;
  style?: 'primary' | 'danger';
}

/** Every button in a message, in order: what a person can press. */
export const buttonsOf = (message: Message): Button[] => (message.blocks ?? []).flatMap(buttonsIn);

/** The buttons one block offers: an actions row's, or a rating's scores. */
export const buttonsIn = (block: Block): Button[] =>
  block.kind === 'actions' || block.kind === 'rating' ? block.buttons : [];

/** The scores a rating offers, lowest first. */
export const ratingScores = [1, 2, 3, 4, 5] as const;

/** A rating block for `label`, its buttons made by `button(score)` (which carries the action and value). */
export const ratingBlock = (label: string, button: (score: number) => Omit<Button, 'label'>): Block => ({
  kind: 'rating',
  label,
  buttons: ratingScores.map((score) => ({ ...button(score), label: String(score) })),
});

/** The form a message carries, if any: adapters that open forms on their own (Slack's modals) look for it. */
export const formOf = (message: Message): Form | undefined =>
  (message.blocks ?? []).flatMap((b) => (b.kind === 'form' ? [b.form] : []))[0];
