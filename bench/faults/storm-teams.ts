/**
 * Teams' side of the retry storm: each `ticket …` message activity delivered many times under its one
 * activity id, at once and in turn; and "Talk to a human" on an answer card pressed many times under one
 * invoke id (Teams retries an invoke twice) and under new ones (double clicks).
 */
import { executeInvokeActivity, messageActivity } from '../../test/fixtures/teams-activities.ts';
import type { HostileDesk } from './hostile-desk.ts';
import { type StormOptions, storm } from './storm-slack.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The desk's replies to one activity, read off the fake connector. */
export const teamsRepliesTo = (h: HostileDesk, activityId: string) =>
  h.connector.calls.filter((c) => c.kind === 'reply' && c.replyToId === activityId);

export async function stormTeamsMessages(h: HostileDesk, runId: string, o: StormOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < o.distinct; i++) {
    const activity = messageActivity({
      user: { name: `Storm Person ${i}` },
      text: `ticket storm ${runId}-t${i}`,
      id: `storm-${runId}-t${i}`,
      serviceUrl: h.connector.serviceUrl,
    });
    statuses.push(...(await storm(() => h.teamsSend(activity).then((a) => a.status), o)));
  }
  return statuses;
}

type CardAction = { data?: { tierdesk?: { action?: string; value?: string } } };

/** The "Talk to a human" button on the card the desk replied with, if any. */
function talkButton(card: unknown): { action: string; value: string } | undefined {
  const body = (card as { body?: { type: string; actions?: CardAction[] }[] } | undefined)?.body ?? [];
  const tierdesk = body
    .flatMap((e) => e.actions ?? [])
    .map((a) => a.data?.tierdesk)
    .find((t) => t?.action === 'talk_to_human');
  return tierdesk?.action ? { action: tierdesk.action, value: tierdesk.value ?? '' } : undefined;
}

export async function stormTeamsPresses(h: HostileDesk, runId: string, o: StormOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < o.distinct; i++) {
    const user = { name: `Presser ${i}` };
    const id = `press-${runId}-q${i}`;
    const text = `my vpn keeps disconnecting storm ${runId}-u${i}`;
    await h.teamsSend(messageActivity({ user, text, id, serviceUrl: h.connector.serviceUrl }));
    let reply = teamsRepliesTo(h, id)[0];
    for (let t = 0; t < 100 && !reply; t++, await sleep(100)) reply = teamsRepliesTo(h, id)[0];
    const card = (reply?.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content;
    const talk = talkButton(card);
    if (!reply?.activityId || !talk) throw new Error(`no "Talk to a human" on the answer to ${user.name}`);
    const invoke = (invokeId: string) =>
      executeInvokeActivity({
        user,
        id: invokeId,
        serviceUrl: h.connector.serviceUrl,
        replyToId: reply?.activityId ?? '',
        verb: talk.action,
        data: { tierdesk: talk },
      });
    // Half the copies are Teams' retries of one invoke, half new presses.
    statuses.push(
      ...(await storm(
        (copy) =>
          h
            .teamsSend(invoke(copy % 2 === 0 ? `invoke-${runId}-${i}` : `invoke-${runId}-${i}-${copy}`))
            .then((a) => a.status),
        o,
      )),
    );
  }
  return statuses;
}
