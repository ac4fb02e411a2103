import type { App, RespondFn } from '@slack/bolt';
import type { Message } from '../../src/messages/message.ts';
import { acknowledgedClick } from './acknowledged-click.ts';
import type { DisplayNames } from './display-names.ts';
import { toDirectPlace, toPerson, toPlace } from './identity.ts';
import { type BlockAction, blockAction, homeOfAction } from './inbound.ts';
import { actionIdPrefix, fromSlackActionId, toBlockKit } from './render.ts';
import type { SlackContext } from './slack-context.ts';

/**
 * A pressed button. On a message in a conversation the desk answers in its thread, and when the press settled
 * the message's question the message shows what was chosen instead of its buttons; a queue card the desk
 * re-renders itself is left as the desk drew it. On an ephemeral message (only the presser sees it) the
 * answer goes through the payload's `response_url`, privately (replacing it when the press settled its
 * question), and follow-ups go to their DMs.
 */
export function listenToButtons(app: App, slack: SlackContext, names: DisplayNames): void {
  app.action(new RegExp(`^${actionIdPrefix}`), async ({ ack, body, client, respond }) => {
    await ack();
    await slack.work.queue(
      'button',
      async () => {
        const parsed = blockAction.safeParse(body);
        if (!parsed.success) return slack.log.warn('slack action not understood', { problem: parsed.error.message });
        const action = parsed.data;
        const [pressed] = action.actions;
        const home = homeOfAction(action);
        const teamId = home.installation ?? 'unknown';
        const channel = action.channel?.id ?? action.user.id;
        const ephemeral = action.container?.is_ephemeral === true || !action.message;
        const place = ephemeral
          ? toDirectPlace(teamId, action.user.id, channel)
          : toPlace(teamId, channel, action.message?.ts, action.message?.thread_ts);
        const replies = await slack.desk.handle({
          kind: 'action',
          actionId: fromSlackActionId(pressed?.action_id ?? ''),
          value: pressed?.value ?? '',
          from: toPerson(action.user.id, home, (await names.of(action.user.id)) ?? action.user.name),
          place,
        });
        if (ephemeral) return answerPrivately(respond, action, replies);
        const settled = replies[0]?.settles ? acknowledgedClick(action, pressed?.text?.text) : undefined;
        if (settled && action.message) {
          await client.chat.update({ channel, ts: action.message.ts, ...settled }).catch((err: unknown) => {
            slack.log.warn('could not mark the pressed button', { err });
          });
        }
        await slack.reply(place, replies);
      },
      { urgent: true },
    );
  });
}

/**
 * A reply that settled what the pressed ephemeral message asked replaces it; otherwise (a full article, a
 * refusal) the message stays, its buttons usable. The replies follow it, as private as it was.
 */
async function answerPrivately(respond: RespondFn, action: BlockAction, replies: Message[]): Promise<void> {
  if (!action.response_url) return;
  let replace = replies[0]?.settles === true;
  for (const reply of replies) {
    await respond({ ...toBlockKit(reply), response_type: 'ephemeral', replace_original: replace });
    replace = false;
  }
}
