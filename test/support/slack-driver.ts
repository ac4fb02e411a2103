import { fromSlackActionId } from '../../adapters/slack/render.ts';
import { fakeTeam, type SlackCall } from '../fakes/slack-api.ts';
import { blockActionsPayload, messageImEnvelope } from '../fixtures/slack-payloads.ts';
import type { ChatDriver, Seen } from '../journeys/chat-driver.ts';
import { startSlackTestApp } from './slack-app.ts';

type SlackButton = Seen['buttons'][number] & { slackActionId: string; post: SlackCall };

/** Slack user ids are upper case; journeys name people in lower case. */
const slackUser = (name: string) => `U${name.toUpperCase()}`;

/** What a person sees of a chat.postMessage: its fallback text and its buttons. */
function toSeen(call: SlackCall): Seen {
  const blocks = (call.args.blocks as { type: string; elements?: Record<string, unknown>[] }[] | undefined) ?? [];
  const buttons: SlackButton[] = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({
      label: String((e.text as { text: string }).text),
      actionId: fromSlackActionId(String(e.action_id)),
      value: String(e.value ?? ''),
      slackActionId: String(e.action_id),
      post: call,
    }));
  return { text: String(call.args.text ?? ''), buttons };
}

/** The journeys' driver for Slack: signed Events API and interactivity requests, replies read off the fake. */
export async function createSlackDriver(): Promise<ChatDriver> {
  const slack = await startSlackTestApp({ ADMINS: `slack:${fakeTeam.id}:${slackUser('ann')}` });
  let sequence = 0;
  const postsAfter = async (before: number, run: () => Promise<{ status: number }>) => {
    const res = await run();
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
    return slack.api.calls
      .slice(before)
      .filter((c) => c.method === 'chat.postMessage')
      .map(toSeen);
  };
  return {
    platform: 'slack',
    identityOf: (user) => `slack:${fakeTeam.id}:${slackUser(user)}`,
    say(user, text, options = {}) {
      // A delivery replayed under the same id is the same Slack message: same ts, same event id.
      const id = options.deliveryId ?? `auto-${++sequence}`;
      const ts = `1800000000.${String(Array.from(id).reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_000, 7)).padStart(6, '0')}`;
      const envelope = messageImEnvelope({ user: slackUser(user), text, ts, eventId: `Ev${id}` });
      return postsAfter(slack.api.calls.length, () => slack.event(envelope));
    },
    click(user, button) {
      const b = button as SlackButton;
      const payload = blockActionsPayload({
        user: slackUser(user),
        channel: String(b.post.args.channel),
        messageTs: b.post.ts ?? '',
        threadTs: b.post.args.thread_ts as string | undefined,
        blocks: (b.post.args.blocks as unknown[]) ?? [],
        text: String(b.post.args.text ?? ''),
        actionId: b.slackActionId,
        value: b.value,
        label: b.label,
        responseUrl: slack.api.responseUrl(`action-${++sequence}`),
      });
      return postsAfter(slack.api.calls.length, () => slack.interaction(payload));
    },
    close: () => slack.close(),
  };
}
