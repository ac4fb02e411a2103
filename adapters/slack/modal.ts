import type { types } from '@slack/bolt';
import type { InputBlock, PlainTextOption } from '@slack/types';
import { copy } from '../../src/messages/copy.ts';
import { cutText } from '../../src/messages/cut-text.ts';
import type { Form, FormField, FormValues } from '../../src/messages/form.ts';
import { slackLimits } from './limits.ts';

/**
 * A form's modal comes back under this callback id, and its shortcut (manifest) and open button use these.
 * The form id is whole in each, key and all (`csat_comment:12`): the modal needs no private_metadata, and a
 * form opened from a button comes back about the same thing. Only forms without a key have shortcuts.
 */
export const formCallbackId = (formId: string) => `tierdesk_${formId}`;
export const formShortcutId = (formId: string) => `tierdesk_${formId}_shortcut`;
export const formOpenActionId = (formId: string) => `tierdesk_open_${formId}`;
const callbackId = /^tierdesk_(?:([a-z_]+?)_shortcut|([a-z_]+(?::[\w.:-]+)?))$/;
/** The form id in a modal's callback id or a shortcut's; the desk reads the key, if any, as outside input. */
export const formOfCallbackId = (id: string) => {
  const match = id.length <= slackLimits.callbackId ? callbackId.exec(id) : null;
  return match?.[1] ?? match?.[2];
};

const text = (t: string) => ({ type: 'plain_text' as const, text: t });

function input(field: FormField): InputBlock {
  if (field.kind === 'choice') {
    const option = (o: { value: string; label: string }): PlainTextOption => ({ text: text(o.label), value: o.value });
    const initial = field.options.find((o) => o.value === field.initial);
    return {
      type: 'input',
      block_id: field.name,
      label: text(field.label),
      element: {
        type: 'static_select',
        action_id: 'value',
        ...(initial ? { initial_option: option(initial) } : {}),
        options: field.options.map(option),
      },
    };
  }
  return {
    type: 'input',
    block_id: field.name,
    ...(field.optional ? { optional: true } : {}),
    label: text(field.label),
    ...(field.hint ? { hint: text(field.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      ...(field.multiline ? { multiline: true } : {}),
      max_length: field.maxLength,
      ...(field.initial ? { initial_value: field.initial } : {}),
    },
  };
}

/** A neutral form as a Slack modal: block ids are the field names, so per-field errors map straight back. */
export function toModal(form: Form): types.View {
  return {
    type: 'modal',
    callback_id: formCallbackId(form.id),
    title: text(cutText(form.title, slackLimits.modalTitle)),
    submit: text(form.submitLabel),
    close: text(copy.platform.cancel),
    blocks: form.fields.map(input),
  };
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

/** The submitted values by field; a text field left empty is '' so the form's own rules explain it. */
export function readModal(form: Form, values: StateValues): FormValues {
  return Object.fromEntries(
    form.fields.map((field) => {
      const state = values[field.name]?.value;
      const value = state?.selected_option?.value ?? state?.value ?? undefined;
      return [field.name, value ?? (field.kind === 'text' ? '' : undefined)];
    }),
  );
}
