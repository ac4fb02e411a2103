import type { App } from '@slack/bolt';
import { copy } from '../../src/messages/copy.ts';
import { formOf, type Message } from '../../src/messages/message.ts';
import { sinceArrival } from './arrival.ts';
import { toDirectPlace, toPerson } from './identity.ts';
import { fromSlackMarkup, slashCommand } from './inbound.ts';
import { toModal } from './modal.ts';
import { toBlockKit } from './render.ts';
import type { SlackContext } from './slack-context.ts';

/** How long after its arrival a slash command may work before the 3-second ack must go out without its answer. */
const inlineAnswerMs = 2000;

/**
 * `/support <command>`: answered ephemerally, within the ack when the desk is quick. An answer that is a form
 * to fill in (`/support ticket` with no subject) opens as a modal instead.
 */
export function listenToCommands(app: App, slack: SlackContext): void {
  app.command('/support', async ({ command, ack, respond, client }) => {
    const parsed = slashCommand.safeParse(command);
    if (!parsed.success) {
      slack.log.warn('slack command not understood', { problem: parsed.error.message });
      return ack({ response_type: 'ephemeral', text: copy.platform.unreadableCommand });
    }
    const c = parsed.data;
    // The manifest asks Slack to escape mentions, so "/support staff add @Bob" names Bob by his user id.
    const text = fromSlackMarkup(c.text);
    const work = slack.work.queue(
      'command',
      () =>
        slack.desk.handle({
          kind: 'command',
          text: text === '' ? 'help' : text,
          from: toPerson(
            c.user_id,
            { team: c.user_team ?? c.team_id, enterprise: c.enterprise_id, installation: c.team_id },
            c.user_name,
          ),
          // Answered privately where typed; anything that follows (a ticket's questions and notices) goes to the
          // person's DM, never to the channel the command was typed in.
          place: toDirectPlace(c.team_id, c.user_id, c.channel_id),
          deliveryId: `command:${c.trigger_id}`,
        }),
      { urgent: true },
    );
    // Counted from the request's arrival: time spent waiting behind other events comes out of the budget.
    const budget = Math.max(0, inlineAnswerMs - sinceArrival());
    const quick = await Promise.race([work, delay(budget).then(() => 'late' as const)]);
    if (quick !== 'late') {
      const form = quick?.[0] ? formOf(quick[0]) : undefined;
      if (!form) return ack(ephemeral(quick ?? []));
      await ack();
      await slack.work.track('open modal', client.views.open({ trigger_id: c.trigger_id, view: toModal(form) }));
      return;
    }
    await ack({ response_type: 'ephemeral', text: copy.platform.working });
    await slack.work.track(
      'command reply',
      work.then((replies) => respond(ephemeral(replies ?? []))),
    );
  });
}

function ephemeral(messages: Message[]) {
  const [first] = messages;
  const rendered = toBlockKit(first ?? { text: copy.platform.notFinished });
  return { response_type: 'ephemeral' as const, ...rendered };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
