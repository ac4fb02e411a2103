import { copy } from '../../src/messages/copy.ts';
import type { Form, FormField } from '../../src/messages/form.ts';

type CardElement = Record<string, unknown>;

/** A form's submit sends this beside the inputs' values, which Teams adds under each input's id. */
export interface FormData {
  tierdesk: { form: string };
}

function input(field: FormField, error: string | undefined): CardElement[] {
  const required = field.kind === 'text' && !field.optional;
  // A client that finds a required input empty refuses to send and shows errorMessage: without one, it
  // refuses in silence (only a red border).
  const errorMessage = error ?? (required ? copy.platform.required : undefined);
  const shared = { id: field.name, label: field.label, ...(errorMessage ? { errorMessage } : {}) };
  const element: CardElement =
    field.kind === 'choice'
      ? {
          type: 'Input.ChoiceSet',
          ...shared,
          style: 'compact',
          choices: field.options.map((o) => ({ title: o.label, value: o.value })),
          ...(field.initial ? { value: field.initial } : {}),
        }
      : {
          type: 'Input.Text',
          ...shared,
          isRequired: required,
          maxLength: field.maxLength,
          ...(field.multiline ? { isMultiline: true } : {}),
          ...(field.hint ? { placeholder: field.hint } : {}),
          ...(field.initial ? { value: field.initial } : {}),
        };
  // The client shows errorMessage only for its own checks: what the desk refused is said under the field too.
  const said: CardElement[] = error ? [{ type: 'TextBlock', text: error, color: 'attention', wrap: true }] : [];
  return [element, ...said];
}

/** A neutral form as Adaptive Card inputs with one submit (Universal Actions, falling back to a submit). */
export function toCardForm(form: Form): CardElement[] {
  const data: FormData = { tierdesk: { form: form.id } };
  return [
    { type: 'TextBlock', text: form.title, weight: 'Bolder', wrap: true },
    ...form.fields.flatMap((f) => input(f, form.errors?.[f.name])),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: form.submitLabel,
          verb: form.id,
          data,
          style: 'positive',
          fallback: { type: 'Action.Submit', title: form.submitLabel, data },
        },
      ],
    },
  ];
}
