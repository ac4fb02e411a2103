import type { types } from '@slack/bolt';

type View = types.View;

import { type NewTicketField, priorities, priorityLabels } from '../../src/tickets/new-ticket-form.ts';

export const newTicketCallbackId = 'tierdesk_new_ticket';
/** The App Home button and the global shortcut that open the modal. */
export const openNewTicketActionId = 'tierdesk_open_new_ticket';
export const newTicketShortcutId = 'tierdesk_new_ticket_shortcut';

/** Block ids are the form's field names, so validation errors map straight onto them. */
export function newTicketModal(prefill: { subject?: string } = {}): View {
  return {
    type: 'modal',
    callback_id: newTicketCallbackId,
    title: { type: 'plain_text', text: 'New ticket' },
    submit: { type: 'plain_text', text: 'Open ticket' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'subject',
        label: { type: 'plain_text', text: 'What is wrong?' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: 200,
          ...(prefill.subject ? { initial_value: prefill.subject } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'description',
        optional: true,
        label: { type: 'plain_text', text: 'Details' },
        hint: { type: 'plain_text', text: 'What you tried, error messages, since when.' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
      {
        type: 'input',
        block_id: 'priority',
        label: { type: 'plain_text', text: 'Priority' },
        element: {
          type: 'static_select',
          action_id: 'value',
          initial_option: { text: { type: 'plain_text', text: priorityLabels.P3 }, value: 'P3' },
          options: priorities.map((p) => ({ text: { type: 'plain_text', text: priorityLabels[p] }, value: p })),
        },
      },
    ],
  };
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

/** Reads the submitted fields; whatever is missing or odd is left for the form's own validation. */
export function readNewTicketModal(values: StateValues): Partial<Record<NewTicketField, unknown>> {
  const field = (block: NewTicketField) => {
    const input = values[block]?.value;
    return input?.selected_option?.value ?? input?.value ?? undefined;
  };
  return { subject: field('subject') ?? '', description: field('description') ?? '', priority: field('priority') };
}
