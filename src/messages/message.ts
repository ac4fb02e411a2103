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
}

export type Block =
  /** A small markdown subset: **bold**, _italic_, `code`, [label](url), "- " and "1. " lines. */
  | { kind: 'text'; text: string }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'actions'; buttons: Button[] }
  | { kind: 'context'; text: string }
  | { kind: 'divider' };

export interface Field {
  label: string;
  value: string;
}

export const actionIds = [
  'helpful',
  'not_helpful',
  'talk_to_human',
  'pick_article',
  'claim_ticket',
  'ticket_prompt',
] as const;
export type ActionId = (typeof actionIds)[number];

export interface Button {
  label: string;
  actionId: ActionId;
  /** Comes back as outside input when clicked: parsed again, never trusted. */
  value: string;
  style?: 'primary' | 'danger';
}
