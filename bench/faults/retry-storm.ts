/**
 * Fault scenario: the same delivery again and again on every platform of the real desk process, all at once
 * and one after another, the platforms side by side (bench/faults/storm-*.ts): Slack events under their
 * retries (and once under a new event id), Teams activities under their one id, local chat messages under
 * their one delivery id, each a `ticket …`; and "Talk to a human" pressed many times on each platform.
 *
 * What must hold: one ticket per distinct delivery or pressed answer (none lost, none twice), one reply per
 * distinct delivery, one queue card per ticket, and no 5xx.
 *
 * `npx tsx bench/faults/retry-storm.ts [--distinct 10] [--concurrent 10] [--sequential 5]` runs it alone.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type HostileDesk, startHostileDesk } from './hostile-desk.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { localReplies, stormLocalMessages, stormLocalPresses } from './storm-local.ts';
import { type StormOptions, slackRepliesTo, stormSlackEvents, stormSlackPresses } from './storm-slack.ts';
import { stormTeamsMessages, stormTeamsPresses, teamsRepliesTo } from './storm-teams.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kinds = {
  s: 'Slack event',
  p: 'Slack press',
  t: 'Teams activity',
  u: 'Teams press',
  l: 'local message',
  a: 'local press',
};

/** Tickets per token (`<runId>-s3`), and the cards announced in the Tier 1 queue per ticket. */
async function stored(h: HostileDesk, runId: string) {
  const rows = await h.db.query<{ id: number; subject: string }>(
    `select id, subject from tickets where subject like '%${runId}-%'`,
  );
  const tickets = new Map<string, number[]>();
  for (const row of rows) {
    const token = new RegExp(`${runId}-[a-z]\\d+`).exec(row.subject)?.[0] ?? '?';
    tickets.set(token, [...(tickets.get(token) ?? []), row.id]);
  }
  const inbox = (await (await fetch(new URL('/api/local/inbox?place=%23it-tier1', h.url))).json()) as {
    messages: { text: string; replaces?: string }[];
  };
  const cards = new Map<number, number>();
  for (const m of inbox.messages.filter((m) => !m.replaces)) {
    const id = Number(/^T-(\d+) from/.exec(m.text)?.[1]);
    if (id) cards.set(id, (cards.get(id) ?? 0) + 1);
  }
  return { tickets, cards, ids: rows.map((r) => r.id) };
}

export async function runRetryStorm(
  o: StormOptions = { distinct: 10, concurrent: 10, sequential: 5 },
): Promise<ScenarioReport> {
  const runId = randomBytes(3).toString('hex');
  const h = await startHostileDesk({ env: { JOBS_ENABLED: 'false' } });
  try {
    const [se, sp, tm, tp, lm, lp] = await Promise.all([
      stormSlackEvents(h, runId, o),
      stormSlackPresses(h, runId, o),
      stormTeamsMessages(h, runId, o),
      stormTeamsPresses(h, runId, o),
      stormLocalMessages(h, runId, o),
      stormLocalPresses(h, runId, o),
    ]);
    await sleep(3000); // Slack events are handled after their ack
    const statuses = [se, sp, tm, tp, lm, lp].flat();
    const { tickets, cards, ids } = await stored(h, runId);
    const expected = Object.keys(kinds).flatMap((k) =>
      Array.from({ length: o.distinct }, (_, i) => `${runId}-${k}${i}`),
    );
    const lost = expected.filter((t) => !tickets.has(t));
    const twice = expected.filter((t) => (tickets.get(t)?.length ?? 0) > 1);
    const range = Array.from({ length: o.distinct }, (_, i) => i);
    const replies = [
      ...range.map((i) => slackRepliesTo(h, `U0STORM${i}`).length),
      ...range.map((i) => teamsRepliesTo(h, `storm-${runId}-t${i}`).length),
      ...localReplies.values(),
    ];
    const cardsOff = ids.filter((id) => cards.get(id) !== 1);
    const failures = statuses.filter((s) => s >= 500 || s === 0).length;
    const lines = [
      `did: ${o.distinct} distinct deliveries of each of ${Object.values(kinds).join(', ')}; each sent ${o.concurrent} times at once then ${o.sequential} in turn (Slack events once more under a new event id): ${statuses.length} requests`,
      `tickets: ${ids.length} for ${expected.length} distinct deliveries; lost: ${lost.length}; opened more than once: ${twice.length}`,
      `replies per distinct delivery: ${replies.filter((n) => n === 1).length} of ${replies.length} got exactly one (none: ${replies.filter((n) => n === 0).length}, more: ${replies.filter((n) => n > 1).length})`,
      `queue cards: ${[...cards.values()].reduce((a, b) => a + b, 0)} for ${ids.length} tickets; tickets without exactly one: ${cardsOff.length}`,
      `5xx or no answer: ${failures}; desk exits: ${h.desk.exits.length}`,
      ...[
        ...lost.map((t) => `  lost: ${t}`),
        ...twice.map((t) => `  twice: ${t} → T-${tickets.get(t)?.join(', T-')}`),
      ].slice(0, 8),
    ];
    const ok =
      lost.length === 0 &&
      twice.length === 0 &&
      replies.every((n) => n === 1) &&
      cardsOff.length === 0 &&
      failures === 0;
    return { name: 'retry-storm', lines, ok };
  } finally {
    await h.close();
  }
}

export const retryStorm: Scenario = {
  name: 'retry-storm',
  about:
    'the same deliveries and presses many times at once and in turn on Slack, Teams and the local chat: 0 duplicates',
  run: () => runRetryStorm(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { distinct: { type: 'string' }, concurrent: { type: 'string' }, sequential: { type: 'string' } },
  });
  const report = await runRetryStorm({
    distinct: Number(values.distinct ?? 10),
    concurrent: Number(values.concurrent ?? 10),
    sequential: Number(values.sequential ?? 5),
  });
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'retry-storm: ok' : 'retry-storm: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
