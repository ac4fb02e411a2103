/**
 * The local chat's side of the retry storm: each `ticket …` message sent many times under one delivery id,
 * at once and in turn; and "Talk to a human" pressed many times, under one id and under none (double clicks).
 */
import type { HostileDesk } from './hostile-desk.ts';
import { type StormOptions, storm } from './storm-slack.ts';

type Reply = { messages?: { text: string; blocks?: { buttons?: { actionId: string; value: string }[] }[] }[] };

/** How many answers to each local delivery carried messages: one per distinct delivery id, when all is well. */
export const localReplies = new Map<string, number>();

async function send(h: HostileDesk, path: string, body: Record<string, unknown>): Promise<[number, Reply]> {
  const answer = await h.post(path, JSON.stringify(body));
  const reply = answer.status === 200 ? (JSON.parse(answer.text) as Reply) : {};
  const key = typeof body.id === 'string' ? `${body.user}/${body.id}` : undefined;
  if (key && (reply.messages?.length ?? 0) > 0) localReplies.set(key, (localReplies.get(key) ?? 0) + 1);
  return [answer.status, reply];
}

export async function stormLocalMessages(h: HostileDesk, runId: string, o: StormOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < o.distinct; i++) {
    const body = { user: `stormer${i}`, text: `ticket storm ${runId}-l${i}`, id: `storm-${runId}-${i}` };
    localReplies.set(`${body.user}/${body.id}`, 0);
    statuses.push(...(await storm(async () => (await send(h, '/api/local/messages', body))[0], o)));
  }
  return statuses;
}

export async function stormLocalPresses(h: HostileDesk, runId: string, o: StormOptions): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < o.distinct; i++) {
    const user = `localpresser${i}`;
    const [, answer] = await send(h, '/api/local/messages', {
      user,
      text: `my vpn keeps disconnecting storm ${runId}-a${i}`,
    });
    const talk = (answer.messages ?? [])
      .flatMap((m) => m.blocks ?? [])
      .flatMap((b) => b.buttons ?? [])
      .find((b) => b.actionId === 'talk_to_human');
    if (!talk) throw new Error(`no "Talk to a human" on the answer to ${user}`);
    const id = `press-${runId}-${i}`;
    localReplies.set(`${user}/${id}`, 0);
    const press = (copy: number) => ({
      user,
      action: talk.actionId,
      value: talk.value,
      ...(copy % 2 === 0 ? { id } : {}),
    });
    statuses.push(...(await storm(async (copy) => (await send(h, '/api/local/actions', press(copy)))[0], o)));
  }
  return statuses;
}
