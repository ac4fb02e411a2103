import { formOpenActionId } from '../../adapters/slack/modal.ts';
import { fromSlackActionId } from '../../adapters/slack/render.ts';
import { fakeTeam, type SlackCall } from '../fakes/slack-api.ts';
import type { SlackUploadedFile } from '../fakes/slack-file-uploads.ts';
import { blockActionsPayload, messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { filledViewSubmission } from '../fixtures/slack-view-submission.ts';
import {
  type ChatDriver,
  type DriverOptions,
  type InboxOf,
  placeKey,
  type QueueName,
  type Seen,
  type SeenForm,
} from '../journeys/chat-driver.ts';
import { abandonClaims } from './abandoned-claims.ts';
import { failNextInsert } from './fail-once.ts';
import { startSlackTestApp } from './slack-app.ts';

/** A message as it stands in Slack: where it is, and what it shows (the last post or edit of it). */
interface SlackMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
}
type SlackButton = Seen['buttons'][number] & { slackActionId: string; message: SlackMessage };
/** A form in a Slack message is a button that opens it as a modal. */
type SlackForm = SeenForm & { opener: SlackButton };
type OpenedView = Parameters<typeof filledViewSubmission>[0]['view'];
/**
 * How a call made while the desk handled a request relates to it: a direct reply, Slack's mark on the
 * pressed message (part of the click, not a message), or something sent on the desk's own account.
 */
type Relation = 'reply' | 'mark' | 'proactive';
type Classify = (message: SlackMessage, call: SlackCall) => Relation;

/** Slack user ids are upper case; journeys name people in lower case. */
const slackUser = (name: string) => `U${name.toUpperCase()}`;
/** The bot's direct conversation with a user, as the fixtures deliver their messages from it. */
const dmChannel = (name: string) => `D${slackUser(name)}`;

/** The channel ids the journeys' queues live in. */
const slackQueues: Record<QueueName, string> = {
  tier1: 'C0TIER1',
  tier2: 'C0TIER2',
  tier3: 'C0TIER3',
  vendor: 'C0VENDOR',
  coe: 'C0COE',
};

const formOpener = formOpenActionId('');

/** What a person sees of a message: its fallback text (as Slack escapes it), its buttons and its forms' buttons. */
function toSeen(message: SlackMessage, uploads: readonly SlackUploadedFile[] = []): Seen {
  const blocks = message.blocks as { type: string; elements?: Record<string, unknown>[] }[];
  const all: SlackButton[] = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({
      label: String((e.text as { text: string }).text),
      actionId: fromSlackActionId(String(e.action_id)),
      value: String(e.value ?? ''),
      slackActionId: String(e.action_id),
      message,
    }));
  const opens = (b: SlackButton) => b.slackActionId.startsWith(formOpener);
  const forms: SlackForm[] = all
    .filter(opens)
    .map((b) => ({ id: b.slackActionId.slice(formOpener.length), label: b.label, fields: [], opener: b }));
  // Pictures come as files shared into the message's thread.
  const images = uploads
    .filter((u) => (u.channel === message.channel || u.channel === `D${message.channel}`) && u.threadTs === message.ts)
    .map((u) => u.altText ?? '');
  return { text: message.text, buttons: all.filter((b) => !opens(b)), forms, images };
}

/**
 * The journeys' driver for Slack: signed Events API and interactivity requests, replies read off the fake.
 * Every chat.postMessage and chat.update the desk makes is read once: a post in the thread the person just
 * wrote or clicked in is a direct reply; everything else waits for `inbox`, addressed by its channel (a
 * queue's channel id, or the person's DM: their user id, as the outbox posts a DM, or their D channel).
 */
export async function createSlackDriver(options: DriverOptions = {}): Promise<ChatDriver> {
  const queues = options.queues ?? [];
  const slack = await startSlackTestApp({
    ADMINS: (options.admins ?? ['ann']).map((a) => `slack:${fakeTeam.id}:${slackUser(a)}`).join(','),
    ...Object.fromEntries(queues.map((q) => [placeKey(q), `slack:${slackQueues[q]}`])),
    ...options.env,
  });
  let sequence = 0;
  let read = 0;
  const unread: SlackMessage[] = [];
  const threadOf = (ts: string) => slack.api.calls.find((c) => c.method === 'chat.postMessage' && c.ts === ts);
  const toMessage = (call: SlackCall): SlackMessage | undefined => {
    const { args } = call;
    const ts =
      call.method === 'chat.postMessage' ? call.ts : call.method === 'chat.update' ? String(args.ts) : undefined;
    if (!ts) return undefined;
    const threadTs = (args.thread_ts ?? threadOf(ts)?.args.thread_ts) as string | undefined;
    return {
      channel: String(args.channel),
      ts,
      ...(threadTs ? { threadTs } : {}),
      text: String(args.text ?? ''),
      blocks: (args.blocks as unknown[] | undefined) ?? [],
    };
  };
  /** Reads the calls made since the last read: returns the direct replies, keeps the rest for `inbox`. */
  const readCalls = (classify: Classify = () => 'proactive') => {
    const replies: Seen[] = [];
    for (const call of slack.api.calls.slice(read)) {
      const message = toMessage(call);
      if (!message) continue;
      const relation = classify(message, call);
      if (relation === 'reply') replies.push(toSeen(message, slack.api.uploads));
      else if (relation === 'proactive') unread.push(message);
    }
    read = slack.api.calls.length;
    return replies;
  };
  /** The modals a form's button opened, by delivery: the same delivery sends the same submission again. */
  const submissions = new Map<string, unknown>();
  const press = (user: string, button: SlackButton) => {
    const { message, slackActionId, value, label } = button;
    return blockActionsPayload({
      user: slackUser(user),
      channel: message.channel,
      messageTs: message.ts,
      threadTs: message.threadTs,
      blocks: message.blocks,
      text: message.text,
      actionId: slackActionId,
      value,
      label,
      responseUrl: slack.api.responseUrl(`action-${++sequence}`),
    });
  };
  const send = async (run: () => Promise<{ status: number }>, classify: Classify) => {
    readCalls();
    const res = await run();
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
    return readCalls(classify);
  };
  const isFor = (of: InboxOf, m: SlackMessage) => {
    if ('place' in of) {
      if (!queues.includes(of.place)) {
        throw new Error(`no ${of.place} queue on this desk: create the driver with queues: ['${of.place}']`);
      }
      return m.channel === slackQueues[of.place];
    }
    return m.channel === slackUser(of.user) || m.channel === dmChannel(of.user);
  };
  return {
    platform: 'slack',
    identityOf: (user) => `slack:${fakeTeam.id}:${slackUser(user)}`,
    failNextInsert: (table) => failNextInsert(slack.app.store, table),
    abandonClaims: () => abandonClaims(slack.app.store),
    say(user, text, options = {}) {
      // A delivery replayed under the same id is the same Slack message: same ts, same event id.
      const id = options.deliveryId ?? `auto-${++sequence}`;
      const ts = `1800000000.${String(Array.from(id).reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_000, 7)).padStart(6, '0')}`;
      const envelope = messageImEnvelope({ user: slackUser(user), text, ts, eventId: `Ev${id}` });
      // The desk answers in a thread under the person's message.
      return send(
        () => slack.event(envelope),
        (m, call) =>
          call.method === 'chat.postMessage' && m.channel === dmChannel(user) && m.threadTs === ts
            ? 'reply'
            : 'proactive',
      );
    },
    click(user, button) {
      const { message } = button as SlackButton;
      const payload = press(user, button as SlackButton);
      const thread = message.threadTs ?? message.ts;
      return send(
        () => slack.interaction(payload),
        (m, call) => {
          const here = m.channel === message.channel;
          if (call.method === 'chat.postMessage') return here && m.threadTs === thread ? 'reply' : 'proactive';
          // The pressed message, edited to say who chose what (its buttons gone): Slack's answer to the click.
          const last = m.blocks.at(-1) as { type?: string; elements?: { text?: string }[] } | undefined;
          const chose =
            last?.type === 'context' && (last.elements?.[0]?.text ?? '').startsWith(`<@${slackUser(user)}> chose:`);
          return here && m.ts === message.ts && chose ? 'mark' : 'proactive';
        },
      );
    },
    async submitForm(user, form, values, options = {}) {
      const id = options.deliveryId ?? `auto-${++sequence}`;
      let submission = submissions.get(id);
      if (!submission) {
        // Pressing the form's button opens its modal: the desk answers with views.open on the press's trigger.
        const pressed = press(user, (form as SlackForm).opener);
        await send(
          () => slack.interaction(pressed),
          () => 'proactive',
        );
        const opened = slack.api.callsTo('views.open').find((c) => c.args.trigger_id === pressed.trigger_id);
        if (!opened) throw new Error(`pressing ${form.label} opened no modal`);
        const view = opened.args.view as OpenedView;
        submission = filledViewSubmission({ user: slackUser(user), viewId: `V${id}`, view, values });
        submissions.set(id, submission);
      }
      readCalls();
      const ack = await slack.interaction(submission);
      if (ack.status !== 200) throw new Error(`Slack view_submission answered ${ack.status}`);
      // Errors are Slack's answer in the modal itself: the modal stays open, showing each under its field.
      const refused = ack.body ? ack.json<{ response_action?: string; errors?: Record<string, string> }>() : {};
      if (refused.response_action === 'errors') {
        return [{ text: Object.values(refused.errors ?? {}).join(' '), buttons: [], forms: [form] }];
      }
      // What a form opens is answered in the person's direct conversation with the bot.
      return readCalls((m, call) =>
        call.method === 'chat.postMessage' &&
        !m.threadTs &&
        (m.channel === slackUser(user) || m.channel === dmChannel(user))
          ? 'reply'
          : 'proactive',
      );
    },
    async inbox(of) {
      readCalls();
      const mine = unread.filter((m) => isFor(of, m));
      for (const m of mine) unread.splice(unread.indexOf(m), 1);
      return mine.map((m) => toSeen(m, slack.api.uploads));
    },
    at: (when) => slack.app.clock.set(when),
    async sweep() {
      const report = await slack.app.sweep();
      await slack.app.idle();
      return report;
    },
    async runJob(name) {
      await slack.app.runJob(name);
      await slack.app.idle();
    },
    close: () => slack.close(),
  };
}
