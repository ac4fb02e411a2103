import { type TeamsChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import { decodeHTML } from 'entities';
import { z } from 'zod';
import type { Logger } from '../../src/log.ts';

/** A mention entity as Teams sends it: the `<at>…</at>` text in the message and who it names. */
const mentionEntity = z.object({
  type: z.literal('mention'),
  text: z.string().min(1),
  mentioned: z.object({ id: z.string().min(1), name: z.string().optional() }),
});
type Mention = z.infer<typeof mentionEntity>;

/** An Entra object id: the stable id the desk keeps for a Teams user. */
const entraObjectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const mentionsOf = (entities: readonly unknown[] | undefined): Mention[] =>
  (entities ?? []).flatMap((e) => {
    const parsed = mentionEntity.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });

/**
 * A mentioned person's Entra object id. Teams names them by their Bot Framework id (`29:…`), which the
 * desk does not key people by, so the Bot Connector is asked who that member is.
 */
async function entraIdOf(context: TurnContext, mention: Mention, log: Logger): Promise<string | undefined> {
  if (entraObjectId.test(mention.mentioned.id)) return mention.mentioned.id;
  try {
    const member: TeamsChannelAccount = await TeamsInfo.getMember(context, mention.mentioned.id);
    return member.aadObjectId;
  } catch (err) {
    log.warn('teams mention not resolved', { member: mention.mentioned.id, err });
    return undefined;
  }
}

/**
 * What the person wrote, as the desk reads it. The bot's own mention is how Teams addresses it and is
 * dropped; a person's mention becomes their full identity (`teams:<tenant>:<Entra id>`), which `staff add`
 * and `assign` accept, or just their name when Teams could not say who they are; entities Teams leaves in
 * the text (`&nbsp;` after a mention) are decoded.
 */
export async function readMessageText(
  context: TurnContext,
  text: string,
  options: { botId: string | undefined; tenant: string; log: Logger },
): Promise<string> {
  let read = text;
  for (const mention of mentionsOf(context.activity.entities)) {
    if (!read.includes(mention.text)) continue;
    const isBot = mention.mentioned.id === options.botId;
    const entraId = isBot ? undefined : await entraIdOf(context, mention, options.log);
    const replacement = isBot
      ? ' '
      : entraId
        ? ` teams:${options.tenant}:${entraId} `
        : ` ${mention.mentioned.name ?? plainText(mention.text)} `;
    read = read.split(mention.text).join(replacement);
  }
  return plainText(read).replace(/\s+/g, ' ').trim();
}

/** `<at>` tags with no entity behind them keep their words; Teams' entities become characters. */
const plainText = (html: string) => decodeHTML(html.replace(/<\/?at>/g, ''));
