import { z } from 'zod';
import { InputError } from '../errors.ts';
import { type ActionId, actionIds } from '../messages/message.ts';

/** Queue-card buttons for changes that need words: they answer with the command to finish. */
export type PromptCommand = 'assign' | 'escalate' | 'resolve';

export type Action =
  | { id: 'helpful' | 'not_helpful' | 'talk_to_human'; interactionId: string }
  | { id: 'pick_article'; interactionId: string; articleId: string }
  | { id: 'claim_ticket'; ticketId: number }
  | { id: 'ticket_prompt'; command: PromptCommand; ticketId: number };

const interactionId = z.uuid();
const pick = z
  .string()
  .max(300)
  .transform((v) => {
    const at = v.indexOf(':');
    return { interactionId: v.slice(0, at), articleId: v.slice(at + 1) };
  })
  // An article's id is its file name, which may hold spaces, accents or "&": only what no file name can hold
  // (a path separator, a control character) is refused. It must also be one the desk offered (run-action.ts).
  .pipe(z.object({ interactionId, articleId: z.string().regex(/^[^/\\\p{Cc}]{1,200}$/u) }));

/** A clicked button's id and value come back from the platform: validate both before use. */
export function parseAction(actionId: string, value: string): Action {
  const id = z.enum(actionIds).safeParse(actionId);
  if (!id.success) throw new InputError(`unknown action "${actionId.slice(0, 60)}"`);
  const known: ActionId = id.data;
  if (known === 'claim_ticket') {
    const ticket = z
      .string()
      .regex(/^\d{1,9}$/)
      .safeParse(value);
    if (!ticket.success) throw new InputError('claim_ticket value must be a ticket number');
    return { id: known, ticketId: Number(ticket.data) };
  }
  if (known === 'ticket_prompt') {
    const prompt = /^(assign|escalate|resolve):(\d{1,9})$/.exec(value);
    if (!prompt) throw new InputError('ticket_prompt value must be "<assign|escalate|resolve>:<ticket number>"');
    return { id: known, command: prompt[1] as PromptCommand, ticketId: Number(prompt[2]) };
  }
  if (known === 'pick_article') {
    const parsed = pick.safeParse(value);
    if (!parsed.success) throw new InputError('pick_article value must be "<interaction id>:<article id>"');
    return { id: known, ...parsed.data };
  }
  const parsed = interactionId.safeParse(value);
  if (!parsed.success) throw new InputError(`${known} value must be an interaction id`);
  return { id: known, interactionId: parsed.data };
}
