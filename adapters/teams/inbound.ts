import { z } from 'zod';
import { maxFormIdLength } from '../../src/messages/form.ts';
import type { PersonRef, PlaceRef } from '../../src/model/identity.ts';

/** The parts of a Bot Framework activity the desk uses, checked once at the edge. */
export const activitySchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().optional(),
  from: z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string() }).optional(),
      teamsChannelId: z.string().optional(),
      channel: z.object({ id: z.string() }).optional(),
    })
    .loose()
    .optional(),
});
export type TeamsActivity = z.infer<typeof activitySchema>;

/** A card button's data, from an Action.Execute invoke or an Action.Submit message. */
export const actionData = z.object({
  tierdesk: z.object({ action: z.string().max(100), value: z.string().max(1000) }),
});
/** A form's submit: the form's id under our key, and each input's value beside it, by field name. */
const formData = z
  .object({ tierdesk: z.object({ form: z.string().max(maxFormIdLength) }) })
  .catchall(z.unknown())
  .transform(({ tierdesk, ...inputs }) => ({
    formId: tierdesk.form,
    values: Object.fromEntries(
      Object.entries(inputs).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 10_000)]] : [])),
    ),
  }));
export const cardData = z.union([actionData, formData]);
export type CardData = z.infer<typeof cardData>;
export const executeInvoke = z.object({
  action: z.object({ verb: z.string().optional(), data: cardData }),
  /** `automatic`: Teams refreshing a card it shows, not a person pressing. */
  trigger: z.enum(['manual', 'automatic']).optional(),
});
export type ExecuteInvoke = z.infer<typeof executeInvoke>;

/** What a card's button sent, as the desk reads it: a button's action, or a form's values. */
export function fromCardData(
  data: CardData,
):
  | { kind: 'action'; actionId: string; value: string }
  | { kind: 'form'; formId: string; values: Record<string, string> } {
  return 'formId' in data
    ? { kind: 'form', formId: data.formId, values: data.values }
    : { kind: 'action', actionId: data.tierdesk.action, value: data.tierdesk.value };
}

export function tenantOf(a: TeamsActivity): string {
  return a.channelData?.tenant?.id ?? a.conversation.tenantId ?? 'unknown';
}

/** The stable id of a Teams user is their Entra object id; the channel id is the fallback. */
export function toPerson(a: TeamsActivity): PersonRef {
  return {
    platform: 'teams',
    workspace: tenantOf(a),
    userId: a.from.aadObjectId ?? a.from.id,
    ...(a.from.name ? { displayName: a.from.name } : {}),
  };
}

/**
 * Where a message was written. A channel post's conversation is `<channel id>;messageid=<root post id>`:
 * the place is the channel, and the thread is the root post's, so a queue names the channel alone and a
 * reply under a queue card is found by the card's id.
 */
export function toPlace(a: TeamsActivity): PlaceRef {
  const { channel, thread } = splitConversation(a.conversation.id);
  return {
    platform: 'teams',
    workspace: tenantOf(a),
    channel: channelIdOf(a) ?? channel,
    ...(thread ? { thread } : {}),
  };
}

/** The bare channel id of a channel conversation, from the activity's channel data. */
export const channelIdOf = (a: TeamsActivity): string | undefined =>
  a.channelData?.teamsChannelId ?? a.channelData?.channel?.id;

export function splitConversation(id: string): { channel: string; thread?: string } {
  const at = id.indexOf(';messageid=');
  return at < 0 ? { channel: id } : { channel: id.slice(0, at), thread: id.slice(at + ';messageid='.length) };
}

export const threadConversation = (channel: string, thread: string) => `${channel};messageid=${thread}`;

export const isPersonal = (a: TeamsActivity) => (a.conversation.conversationType ?? 'personal') === 'personal';
