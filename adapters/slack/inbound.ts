import { z } from 'zod';

/**
 * Slack payloads are outside input: each shape the adapter uses is checked here, once, and everything
 * after works on the typed result. Field names follow Slack's Events API and interactivity payloads.
 */
export const messageEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string().default(''),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  channel_type: z.enum(['im', 'channel', 'group', 'mpim', 'app_home']).optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  /** The writer's own workspace (in a Slack Connect channel, not the channel's). */
  team: z.string().optional(),
  user_team: z.string().optional(),
  /** With `file_share`: each file's name and a link people in the workspace can open. */
  files: z
    .array(
      z.object({ name: z.string().optional(), title: z.string().optional(), permalink: z.url().optional() }).loose(),
    )
    .optional(),
});
export type MessageEvent = z.infer<typeof messageEvent>;

/** Messages with these subtypes are someone writing: a file with a comment, a thread reply sent to the channel too. */
const writtenSubtypes = new Set(['file_share', 'thread_broadcast']);
const anyMessage = z.object({ subtype: z.string().optional(), bot_id: z.string().optional() }).loose();

/**
 * Whether an event is a person writing, worth reading at all. Edits, deletes, joins and bot posts (ours
 * included) are not: they are passed over without a word, whatever shape their fields take.
 */
export function isWritten(raw: unknown): boolean {
  const event = anyMessage.safeParse(raw);
  if (!event.success || event.data.bot_id) return false;
  return event.data.subtype === undefined || writtenSubtypes.has(event.data.subtype);
}

/** The files of a `file_share`, as the desk keeps them: a name and a link, never the content. */
export function toAttachments(event: MessageEvent): { name: string; url: string }[] {
  return (event.files ?? []).flatMap((f) =>
    f.permalink ? [{ name: f.name ?? f.title ?? 'file', url: f.permalink }] : [],
  );
}

export const homeOpenedEvent = z.object({
  type: z.literal('app_home_opened'),
  user: z.string(),
  tab: z.string().optional(),
});

export const slashCommand = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  team_id: z.string().min(1),
  /** On Enterprise Grid: the org; with a Slack Connect user, their own workspace. */
  enterprise_id: z.string().optional(),
  user_team: z.string().optional(),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
});

export const blockAction = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    username: z.string().optional(),
    team_id: z.string().optional(),
  }),
  team: z.object({ id: z.string() }).nullable().optional(),
  enterprise: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ type: z.string(), is_ephemeral: z.boolean().optional() }).loose().optional(),
  message: z
    .object({ ts: z.string(), thread_ts: z.string().optional(), blocks: z.array(z.unknown()).optional() })
    .loose()
    .optional(),
  trigger_id: z.string().optional(),
  /** Where an answer to this press can go without a channel: the only way to reach an ephemeral message. */
  response_url: z.url().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        value: z.string().default(''),
        text: z.object({ text: z.string() }).optional(),
      }),
    )
    .min(1),
});
export type BlockAction = z.infer<typeof blockAction>;

const botMention = (botUserId: string) => new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g');

/** Whether the text @mentions the bot: Slack sends such a channel message as a message event too. */
export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && botMention(botUserId).test(text);
}

/**
 * Slack's markup in what people typed, read back as they typed it: a channel `<#C0123|general>` is
 * "#general", a group `<!subteam^S0123|@it-team>` is "@it-team", a link `<https://…|label>` is its address.
 * People's mentions `<@U0123>` stay as they are: they name people (`staff add @Bob tier1`). Slack escapes
 * `&`, `<` and `>` that people type, so they are turned back into the characters, last.
 */
export function fromSlackMarkup(text: string): string {
  return text
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]+)(\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A message's text as the person meant it: the bot's own `<@U0123>` is how they addressed it, not part of
 * what they said (without the bot's id, only a leading mention is taken to be the bot's); the rest as
 * `fromSlackMarkup` reads it.
 */
export function toPlainText(text: string, botUserId: string | undefined): string {
  return fromSlackMarkup(
    botUserId ? text.replace(botMention(botUserId), ' ') : text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, ' '),
  );
}

/** The Events API envelope around an event: the installation it came to, and the org on Enterprise Grid. */
export const envelope = z
  .object({
    team_id: z.string().optional(),
    enterprise_id: z.string().nullable().optional(),
    authorizations: z
      .array(z.object({ team_id: z.string().nullable().optional(), enterprise_id: z.string().nullable().optional() }))
      .optional(),
  })
  .loose();

/** Where an event's envelope says it came from (see identity.ts). */
export function homeOfEnvelope(body: unknown, team?: string) {
  const e = envelope.safeParse(body);
  const first = e.success ? e.data.authorizations?.[0] : undefined;
  const installation = first?.team_id ?? (e.success ? e.data.team_id : undefined);
  const enterprise = first?.enterprise_id ?? (e.success ? e.data.enterprise_id : undefined);
  return {
    team: team ?? installation ?? undefined,
    enterprise: enterprise ?? undefined,
    installation: installation ?? undefined,
  };
}

/** Where a button press says the presser belongs, and which installation the message is in. */
export function homeOfAction(action: BlockAction) {
  return {
    team: action.user.team_id ?? action.team?.id,
    enterprise: action.enterprise?.id,
    installation: action.team?.id ?? action.user.team_id,
  };
}
