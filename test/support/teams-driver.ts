import type { ConnectorCall } from '../fakes/bot-connector.ts';
import { executeInvokeActivity, messageActivity, teamsTenant, userIdOf } from '../fixtures/teams-activities.ts';
import type { ChatDriver, Seen } from '../journeys/chat-driver.ts';
import { startTeamsTestApp } from './teams-app.ts';

type Card = {
  body?: { type: string; actions?: { title: string; data: { tierdesk: { action: string; value: string } } }[] }[];
};
type TeamsButton = Seen['buttons'][number] & { cardActivityId: string };

/** What a person sees of a card: its summary text and its buttons. */
function seenOfCard(card: Card | undefined, summary: string, cardActivityId: string): Seen {
  const buttons: TeamsButton[] = (card?.body ?? [])
    .filter((e) => e.type === 'ActionSet')
    .flatMap((e) => e.actions ?? [])
    .map((a) => ({ label: a.title, actionId: a.data.tierdesk.action, value: a.data.tierdesk.value, cardActivityId }));
  return { text: summary, buttons };
}

const cardOf = (call: ConnectorCall) =>
  ((call.activity.attachments as { content: Card }[] | undefined) ?? [])[0]?.content;

/** The journeys' driver for Teams: activities posted to /api/messages, replies read off the fake connector. */
export async function createTeamsDriver(): Promise<ChatDriver> {
  const teams = await startTeamsTestApp({
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    ADMINS: `teams:${teamsTenant}:${userIdOf({ name: 'ann' })}`,
  });
  let sequence = 0;
  const repliesSince = (before: number) =>
    teams.connector.calls
      .slice(before)
      .filter((c) => c.kind !== 'update')
      .map((c) => seenOfCard(cardOf(c), String(c.activity.summary ?? c.activity.text ?? ''), c.activityId ?? ''));
  return {
    platform: 'teams',
    identityOf: (user) => `teams:${teamsTenant}:${userIdOf({ name: user })}`,
    async say(user, text, options = {}) {
      const before = teams.connector.calls.length;
      const id = options.deliveryId ?? `msg-${++sequence}`;
      const res = await teams.send(
        messageActivity({ user: { name: user }, text, id, serviceUrl: teams.connector.serviceUrl }),
      );
      if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}`);
      return repliesSince(before);
    },
    async click(user, button) {
      const before = teams.connector.calls.length;
      const b = button as TeamsButton;
      const res = await teams.send(
        executeInvokeActivity({
          user: { name: user },
          id: `invoke-${++sequence}`,
          serviceUrl: teams.connector.serviceUrl,
          replyToId: b.cardActivityId,
          verb: b.actionId,
          data: { tierdesk: { action: b.actionId, value: b.value } },
        }),
      );
      if (res.status !== 200) throw new Error(`invoke answered ${res.status}`);
      const invoke = res.body as { statusCode: number; value?: Card & { fallbackText?: string } };
      // The refreshed card replaces the pressed one; later replies arrive as new messages.
      return [
        seenOfCard(invoke.value, String(invoke.value?.fallbackText ?? ''), b.cardActivityId),
        ...repliesSince(before),
      ];
    },
    close: () => teams.close(),
  };
}
