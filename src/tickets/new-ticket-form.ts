import { z } from 'zod';
import { defineForm } from '../commands/feature.ts';
import type { Form } from '../messages/form.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import { toTicketOpenedMessage } from '../messages/ticket-view.ts';
import { priorities } from '../model/priorities.ts';
import { maxSubjectLength } from '../model/ticket.ts';
import { withQueueTrouble } from './queue-trouble.ts';
import { requestHelp } from './request-help.ts';

export const maxDescriptionLength = 3000;

const c = ticketCopy.newTicketForm;

const schema = z.object({
  subject: z.string().trim().min(1, c.noSubject).max(maxSubjectLength, c.subjectTooLong(maxSubjectLength)),
  description: z.string().trim().max(maxDescriptionLength, c.detailsTooLong(maxDescriptionLength)),
  priority: z.enum(priorities, { error: c.noPriority }).default('P3'),
});

export type NewTicketValues = z.infer<typeof schema>;

const form: Form = {
  id: 'new_ticket',
  title: c.title,
  submitLabel: c.submit,
  openLabel: c.title,
  fields: [
    { kind: 'text', name: 'subject', label: c.subject, maxLength: maxSubjectLength },
    {
      kind: 'text',
      name: 'description',
      label: c.details,
      hint: c.detailsHint,
      optional: true,
      multiline: true,
      maxLength: maxDescriptionLength,
    },
    {
      kind: 'choice',
      name: 'priority',
      label: c.priority,
      options: priorities.map((p) => ({ value: p, label: c.priorities[p] })),
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
    const { ticket, created, trouble } = await requestHelp(ctx, person, request);
    return withQueueTrouble(toTicketOpenedMessage(ticket, created), trouble, person);
  },
});
