import type { App } from '@slack/bolt';
import { acknowledgedClick } from './acknowledged-click.ts';
import type { DisplayNames } from './display-names.ts';
import { blockAction, teamOfAction, toPerson, toPlace } from './inbound.ts';
import { actionIdPrefix, fromSlackActionId } from './render.ts';
import type { SlackContext } from './slack-context.ts';

/** A pressed button: the desk answers in the message's thread; the pressed message shows what was chosen. */
export function listenToButtons(app: App, slack: SlackContext, names: DisplayNames): void {
  app.action(new RegExp(`^${actionIdPrefix}`), async ({ ack, body, client }) => {
    await ack();
    await slack.work.track(
      'button',
      (async () => {
        const parsed = blockAction.safeParse(body);
        if (!parsed.success) return slack.log.warn('slack action not understood', { problem: parsed.error.message });
        const action = parsed.data;
        const [pressed] = action.actions;
        const teamId = teamOfAction(action);
        const channel = action.channel?.id ?? action.user.id;
        const place = toPlace(teamId, channel, action.message?.ts, action.message?.thread_ts);
        const replies = await slack.desk.handle({
          kind: 'action',
          actionId: fromSlackActionId(pressed?.action_id ?? ''),
          value: pressed?.value ?? '',
          from: toPerson(action.user.id, teamId, (await names.of(action.user.id)) ?? action.user.name),
          place,
        });
        const settled = acknowledgedClick(action, pressed?.text?.text);
        if (settled && action.message) {
          await client.chat.update({ channel, ts: action.message.ts, ...settled }).catch((err: unknown) => {
            slack.log.warn('could not mark the pressed button', { err });
          });
        }
        await slack.reply(place, replies);
      })(),
    );
  });
}
