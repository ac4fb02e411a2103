import { z } from 'zod';
import type { PersonRef, PlaceRef } from '../../src/inbound.ts';

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
});
export type MessageEvent = z.infer<typeof messageEvent>;

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
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ type: z.string(), is_ephemeral: z.boolean().optional() }).loose().optional(),
  message: z
    .object({ ts: z.string(), thread_ts: z.string().optional(), blocks: z.array(z.unknown()).optional() })
    .loose()
    .optional(),
  trigger_id: z.string().optional(),
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

const teamOf = (explicit: string | undefined, fallback: string | undefined) => explicit ?? fallback ?? 'unknown';

export function toPerson(userId: string, teamId: string, displayName?: string): PersonRef {
  return { platform: 'slack', workspace: teamId, userId, ...(displayName ? { displayName } : {}) };
}

/** Replies go in the thread of the message that asked: its own thread, or a new one under it. */
export function toPlace(teamId: string, channel: string, ts?: string, threadTs?: string): PlaceRef {
  const thread = threadTs ?? ts;
  return { platform: 'slack', workspace: teamId, channel, ...(thread ? { thread } : {}) };
}

const botMention = (botUserId: string) => new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g');

/** Whether the text @mentions the bot: Slack sends such a channel message as a message event too. */
export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && botMention(botUserId).test(text);
}

/**
 * The text as the person meant it. The bot's own `<@U0123>` is how they addressed it, not part of what they
 * said; other people's mentions stay, since `staff add @Bob tier1` names Bob by one. Slack escapes `&`, `<`
 * and `>` that people type, so they are turned back into the characters (after mentions, which use real
 * angle brackets). Without the bot's id, only a leading mention is taken to be the bot's.
 */
export function toPlainText(text: string, botUserId: string | undefined): string {
  const addressed = botUserId
    ? text.replace(botMention(botUserId), ' ')
    : text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, ' ');
  return addressed.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

export function teamOfAction(action: BlockAction): string {
  return teamOf(action.team?.id, action.user.team_id);
}
