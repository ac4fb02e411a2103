import { z } from 'zod';
import { maxSubjectLength } from '../commands/parse-command.ts';

export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof priorities)[number];

export const priorityLabels: Record<Priority, string> = {
  P1: 'P1 — everyone is blocked',
  P2: 'P2 — I am blocked',
  P3: 'P3 — it gets in my way',
  P4: 'P4 — a request, no rush',
};

export const maxDescriptionLength = 3000;

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

export type NewTicketForm = z.infer<typeof schema>;
export type NewTicketField = keyof NewTicketForm;

/** The same rules for a ticket form on every platform; errors are per field, in words for the person. */
export function parseNewTicketForm(
  raw: Partial<Record<NewTicketField, unknown>>,
): { ok: true; values: NewTicketForm } | { ok: false; errors: Partial<Record<NewTicketField, string>> } {
  const parsed = schema.safeParse({ ...raw, description: raw.description ?? '' });
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Partial<Record<NewTicketField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as NewTicketField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
