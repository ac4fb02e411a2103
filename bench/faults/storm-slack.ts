/**
 * Slack's side of the retry storm: each `ticket …` event delivered again and again, as Slack retries it
 * (`X-Slack-Retry-Num` 1–3), all at once and one after another, and once more under a new event id (Slack
 * sometimes re-sends that way); and "Talk to a human" on an answer pressed many times.
 */
import { blockActionsPayload, messageImEnvelope } from '../../test/fixtures/slack-payloads.ts';
import type { HostileDesk } from './hostile-desk.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StormOptions {
  /** Distinct deliveries per kind. */
  distinct: number;
  /** Copies of each sent at once, then one after another. */
  concurrent: number;
  sequential: number;
}

/** Sends `deliver` `concurrent` times at once, then `sequential` times in turn: the statuses. */
export async function storm(deliver: (copy: number) => Promise<number>, o: StormOptions): Promise<number[]> {
  const statuses = await Promise.all(Array.from({ length: o.concurrent }, (_, i) => deliver(i)));
  for (let i = 0; i < o.sequential; i++) statuses.push(await deliver(o.concurrent + i));
  return statuses;
}

const retryHeaders = (copy: number): Record<string, string> =>
  copy === 0 ? {} : { 'x-slack-retry-num': String(1 + (copy % 3)), 'x-slack-retry-reason': 'http_timeout' };

/** The desk's replies in a DM's thread (or a DM) so far. */
export const slackRepliesTo = (h: HostileDesk, user: string) =>
  h.slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}` || c.args.channel === user);

export async function stormSlackEvents(h: HostileDesk, runId: string, o: StormOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < o.distinct; i++) {
    const ts = `1780000000.${String(i).padStart(6, '0')}`;
    const user = `U0STORM${i}`;
    const envelope = messageImEnvelope({
      user,
      text: `ticket storm ${runId}-s${i}`,
      ts,
      eventId: `EvStorm${runId}${i}`,
    });
    const body = JSON.stringify(envelope);
    statuses.push(
      ...(await storm(
        (copy) => h.slack(body, 'application/json', { headers: retryHeaders(copy) }).then((a) => a.status),
        o,
      )),
    );
    const renamed = JSON.stringify({ ...envelope, event_id: `EvStorm${runId}${i}-again` });
    statuses.push((await h.slack(renamed, 'application/json')).status);
  }
  return statuses;
}

/** Asks a question, then presses its "Talk to a human" many times: the statuses of the presses. */
export async function stormSlackPresses(h: HostileDesk, runId: string, o: StormOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < o.distinct; i++) {
    const user = `U0PRESS${i}`;
    const ts = `1780000001.${String(i).padStart(6, '0')}`;
    const text = `my vpn keeps disconnecting storm ${runId}-p${i}`;
    await h.slack(
      JSON.stringify(messageImEnvelope({ user, text, ts, eventId: `EvPress${runId}${i}` })),
      'application/json',
    );
    let answer: (typeof h.slackApi.calls)[number] | undefined;
    for (let t = 0; t < 150 && !answer; t++, await sleep(100)) answer = slackRepliesTo(h, user)[0];
    const elements = ((answer?.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[]).flatMap(
      (b) => b.elements ?? [],
    );
    const talk = elements.find((e) => e.action_id?.includes('talk_to_human'));
    if (!answer?.ts || !talk?.action_id) throw new Error(`no "Talk to a human" on the answer to ${user}`);
    const press = (copy: number) =>
      new URLSearchParams({
        payload: JSON.stringify({
          ...blockActionsPayload({
            user,
            channel: `D${user}`,
            messageTs: answer?.ts ?? '',
            blocks: [],
            text: 'answer',
            actionId: talk.action_id ?? '',
            value: talk.value ?? '',
            label: 'Talk to a human',
            responseUrl: h.slackApi.responseUrl(`press-${i}-${copy}`),
          }),
          trigger_id: `trig-${runId}-${i}-${copy}`,
        }),
      }).toString();
    statuses.push(
      ...(await storm((copy) => h.slack(press(copy), 'application/x-www-form-urlencoded').then((a) => a.status), o)),
    );
  }
  return statuses;
}
