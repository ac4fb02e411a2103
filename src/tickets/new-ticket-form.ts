import { z } from 'zod';
import { defineForm } from '../commands/feature.ts';
import type { Form } from '../messages/form.ts';
import { toTicketOpenedMessage } from '../messages/ticket-view.ts';
import { priorities } from '../model/priorities.ts';
import { requestHelp } from './request-help.ts';

export const maxSubjectLength = 200;
export const maxDescriptionLength = 3000;

const priorityLabels = {
  P1: 'P1 — everyone is blocked',
  P2: 'P2 — I am blocked',
  P3: 'P3 — it gets in my way',
  P4: 'P4 — a request, no rush',
} as const;

const schema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'Please say in a few words what is wrong.')
    .max(maxSubjectLength, `Please keep the subject under ${maxSubjectLength} characters.`),
  description: z
    .string()
    .trim()
    .max(maxDescriptionLength, `Please keep the details under ${maxDescriptionLength} characters.`),
  priority: z.enum(priorities, { error: 'Please choose a priority.' }).default('P3'),
});

export type NewTicketValues = z.infer<typeof schema>;

const form: Form = {
  id: 'new_ticket',
  title: 'New ticket',
  submitLabel: 'Open ticket',
  openLabel: 'New ticket',
  fields: [
    { kind: 'text', name: 'subject', label: 'What is wrong?', maxLength: maxSubjectLength },
    {
      kind: 'text',
      name: 'description',
      label: 'Details',
      hint: 'What you tried, error messages, since when.',
      optional: true,
      multiline: true,
      maxLength: maxDescriptionLength,
    },
    {
      kind: 'choice',
      name: 'priority',
      label: 'Priority',
      options: priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
      initial: 'P3',
    },
  ],
};

/** "New ticket": subject, details and priority, the same rules on every platform; errors are per field. */
export const newTicketForm = defineForm<NewTicketValues>({
  id: form.id,
  form: () => form,
  read(values) {
    const parsed = schema.safeParse({ ...values, description: values.description ?? '' });
    if (parsed.success) return { ok: true, values: parsed.data };
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  },
  async run(ctx, person, place, values) {
    const description = values.description || values.subject;
    const request = { subject: values.subject, description, priority: values.priority, origin: place };
    const { ticket, created } = await requestHelp(ctx, person, request);
    return toTicketOpenedMessage(ticket, created);
  },
});
