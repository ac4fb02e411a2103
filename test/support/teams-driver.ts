import type { ConnectorCall } from '../fakes/bot-connector.ts';
import {
  executeInvokeActivity,
  messageActivity,
  personalConversation,
  teamInstalledActivity,
  teamsTenant,
  userIdOf,
} from '../fixtures/teams-activities.ts';
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
import { startTeamsTestApp, type TeamsTestAppOptions } from './teams-app.ts';

type CardAction = { title: string; data: { tierdesk: { action?: string; value?: string; form?: string } } };
type CardElement = {
  type: string;
  id?: string;
  isRequired?: boolean;
  errorMessage?: string;
  actions?: CardAction[];
  altText?: string;
};
type Card = { body?: CardElement[] };
type TeamsButton = Seen['buttons'][number] & { cardActivityId: string };
type TeamsForm = SeenForm & { cardActivityId: string; inputs: CardElement[] };

/** What a person sees of a card: its summary text, its buttons, and its forms (the inputs and their submit). */
function seenOfCard(card: Card | undefined, summary: string, cardActivityId: string): Seen {
  const body = card?.body ?? [];
  const actions = body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions ?? []);
  const buttons: TeamsButton[] = actions.flatMap(({ title, data: { tierdesk } }) =>
    tierdesk.action === undefined
      ? []
      : [{ label: title, actionId: tierdesk.action, value: tierdesk.value ?? '', cardActivityId }],
  );
  const inputs = body.filter((e) => e.type.startsWith('Input.'));
  const forms: TeamsForm[] = actions.flatMap(({ title, data: { tierdesk } }) =>
    tierdesk.form === undefined
      ? []
      : [{ id: tierdesk.form, label: title, fields: inputs.map((i) => i.id ?? ''), cardActivityId, inputs }],
  );
  const images = body.filter((e) => e.type === 'Image').map((e) => e.altText ?? '');
  return { text: summary, buttons, forms, images };
}

const cardOf = (call: ConnectorCall) =>
  ((call.activity.attachments as { content: Card }[] | undefined) ?? [])[0]?.content;
const seenOfCall = (c: ConnectorCall) =>
  seenOfCard(cardOf(c), String(c.activity.summary ?? c.activity.text ?? ''), c.activityId ?? '');

/** Each queue is the channel of a team of its own that the app is installed in. */
const teamsQueues: Record<QueueName, { channel: string; team: string }> = {
  tier1: { channel: '19:it-tier1@thread.tacv2', team: 'IT Tier 1' },
  tier2: { channel: '19:it-tier2@thread.tacv2', team: 'IT Tier 2' },
  tier3: { channel: '19:it-tier3@thread.tacv2', team: 'IT Tier 3' },
  vendor: { channel: '19:it-vendors@thread.tacv2', team: 'IT Vendors' },
  coe: { channel: '19:coe-leads@thread.tacv2', team: 'Support CoE' },
};

/**
 * The journeys' driver for Teams: activities posted to /api/messages, replies read off the fake connector.
 * Every call the bot makes to the connector is read once: a reply in the conversation the person just
 * wrote or clicked in is a direct reply; proactive sends and edits (continueConversationAsync, from a
 * stored ConversationReference) wait for `inbox`, addressed by conversation: a queue team's channel, or the
 * person's 1:1 chat (known to the bot once they have written to it). With `credentials`, every activity is
 * signed as the channel signs it and every call the bot makes must carry the login authority's token.
 */
export async function createTeamsDriver(
  options: DriverOptions = {},
  teamsOptions: TeamsTestAppOptions = {},
): Promise<ChatDriver> {
  const queues = options.queues ?? [];
  const teams = await startTeamsTestApp(
    {
      ...(teamsOptions.credentials ? {} : { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }),
      ADMINS: (options.admins ?? ['ann']).map((a) => `teams:${teamsTenant}:${userIdOf({ name: a })}`).join(','),
      ...Object.fromEntries(queues.map((q) => [placeKey(q), `teams:${teamsQueues[q].channel}`])),
      ...options.env,
    },
    teamsOptions,
  );
  const bearer = teams.auth && `Bearer ${teams.auth.login.accessToken}`;
  let sequence = 0;
  let read = 0;
  const unread: ConnectorCall[] = [];
  /** Reads the calls made since the last read: returns the direct replies, keeps the rest for `inbox`. */
  const readCalls = (inConversation?: string) => {
    const replies: Seen[] = [];
    for (const call of teams.connector.calls.slice(read)) {
      // With credentials, nothing reaches the connector without the token the login authority issued.
      if (bearer && call.authorization !== bearer) {
        throw new Error(`a ${call.kind} in ${call.conversationId} went out with authorization ${call.authorization}`);
      }
      if (call.kind === 'reply' && call.conversationId === inConversation) replies.push(seenOfCall(call));
      else unread.push(call);
    }
    read = teams.connector.calls.length;
    return replies;
  };
  const send = async (activity: unknown) => {
    readCalls();
    const res = await teams.send(activity);
    if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}`);
    return res;
  };
  // The bot can post to a team's channel only once it has seen that conversation: install it in each.
  for (const queue of queues) {
    const { channel, team } = teamsQueues[queue];
    await send(
      teamInstalledActivity({
        user: { name: options.admins?.[0] ?? 'ann' },
        id: `install-${queue}`,
        serviceUrl: teams.connector.serviceUrl,
        channel,
        teamName: team,
      }),
    );
  }
  readCalls();
  const isFor = (of: InboxOf, call: ConnectorCall) => {
    if ('place' in of) {
      if (!queues.includes(of.place)) {
        throw new Error(`no ${of.place} queue on this desk: create the driver with queues: ['${of.place}']`);
      }
      return call.conversationId === teamsQueues[of.place].channel;
    }
    return call.conversationId === personalConversation({ name: of.user });
  };
  return {
    platform: 'teams',
    identityOf: (user) => `teams:${teamsTenant}:${userIdOf({ name: user })}`,
    failNextInsert: (table) => failNextInsert(teams.app.store, table),
    abandonClaims: () => abandonClaims(teams.app.store),
    async say(user, text, options = {}) {
      const id = options.deliveryId ?? `msg-${++sequence}`;
      await send(messageActivity({ user: { name: user }, text, id, serviceUrl: teams.connector.serviceUrl }));
      return readCalls(personalConversation({ name: user }));
    },
    async click(user, button) {
      const b = button as TeamsButton;
      const res = await send(
        executeInvokeActivity({
          user: { name: user },
          id: `invoke-${++sequence}`,
          serviceUrl: teams.connector.serviceUrl,
          replyToId: b.cardActivityId,
          verb: b.actionId,
          data: { tierdesk: { action: b.actionId, value: b.value } },
        }),
      );
      const invoke = res.body as { statusCode: number; value?: Card & { fallbackText?: string } };
      // The refreshed card replaces the pressed one; later replies arrive as new messages.
      return [
        seenOfCard(invoke.value, String(invoke.value?.fallbackText ?? ''), b.cardActivityId),
        ...readCalls(personalConversation({ name: user })),
      ];
    },
    async submitForm(user, form, values, options = {}) {
      const f = form as TeamsForm;
      // The client refuses to send a required input left empty, showing its errorMessage under it.
      const empty = f.inputs.filter((i) => i.isRequired && !values[i.id ?? '']);
      if (empty.length > 0)
        return [{ text: empty.map((i) => i.errorMessage ?? '').join(' '), buttons: [], forms: [form] }];
      const res = await send(
        executeInvokeActivity({
          user: { name: user },
          id: `invoke-${options.deliveryId ?? ++sequence}`,
          serviceUrl: teams.connector.serviceUrl,
          replyToId: f.cardActivityId,
          verb: f.id,
          // Teams puts each input's value in the submit's data, beside the action's own.
          data: { tierdesk: { form: f.id }, ...values },
        }),
      );
      const invoke = res.body as { statusCode: number; value?: Card & { fallbackText?: string } };
      // The form's result takes the pressed card's place; later replies arrive as new messages.
      return [
        seenOfCard(invoke.value, String(invoke.value?.fallbackText ?? ''), f.cardActivityId),
        ...readCalls(personalConversation({ name: user })),
      ];
    },
    async inbox(of) {
      readCalls();
      const mine = unread.filter((c) => isFor(of, c));
      for (const c of mine) unread.splice(unread.indexOf(c), 1);
      return mine.map(seenOfCall);
    },
    at: (when) => teams.app.clock.set(when),
    async sweep() {
      const report = await teams.app.sweep();
      await teams.app.idle();
      return report;
    },
    async runJob(name) {
      await teams.app.runJob(name);
      await teams.app.idle();
    },
    close: () => teams.close(),
  };
}
