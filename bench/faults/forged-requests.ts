/**
 * Fault scenario: forged, stale, unsigned and replayed-with-a-changed-body Slack requests, and Teams activities
 * with bad, expired, wrong-audience or unsigned tokens (bench/faults/forged-slack.ts, forged-teams.ts), to the
 * real desk process with both platforms on against local fakes. Then one genuine request of each, to show
 * the desk was listening.
 *
 * What must hold: every forged request is refused with 401; no row is written anywhere; nothing is posted
 * to Slack's Web API or the Bot Connector, and no token is asked for; the genuine ones are answered.
 *
 * `npx tsx bench/faults/forged-requests.ts [--slack 390] [--teams 200]` runs it alone.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { messageImEnvelope } from '../../test/fixtures/slack-payloads.ts';
import { messageActivity } from '../../test/fixtures/teams-activities.ts';
import { forgedSlack } from './forged-slack.ts';
import { forgedTeams } from './forged-teams.ts';
import { type HostileDesk, startHostileDesk } from './hostile-desk.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { describeRows, rowsWritten } from './throwaway-database.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the fakes have heard from the desk: Web API calls, connector calls, token requests. */
const heard = (h: HostileDesk) => h.slackApi.calls.length + h.connector.calls.length + h.teams.login.requests.length;

/** Statuses by forgery kind, for the report: `kind: 401×30`. */
function tally(results: { kind: string; status: number }[]): { refused: number; lines: string[] } {
  const byKind = new Map<string, Map<number, number>>();
  for (const { kind, status } of results) {
    const counts = byKind.get(kind) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    byKind.set(kind, counts);
  }
  const lines = [...byKind].map(([kind, counts]) => `${kind}: ${[...counts].map(([s, n]) => `${s}×${n}`).join(' ')}`);
  return { refused: results.filter((r) => r.status === 401).length, lines };
}

/** One genuine signed request per platform: answered, as the forged ones were not. */
async function genuineAnswered(h: HostileDesk, runId: string): Promise<boolean> {
  const at = '1760000001.000001';
  const envelope = messageImEnvelope({
    user: 'U0GENUINE',
    text: 'how do I reset my password?',
    ts: at,
    eventId: `EvOk${runId}`,
  });
  const slack = await h.slack(JSON.stringify(envelope), 'application/json');
  const activity = messageActivity({
    user: { name: 'Genuine Person' },
    text: 'how do I reset my password?',
    id: `genuine-${runId}`,
    serviceUrl: h.connector.serviceUrl,
  });
  const teams = await h.teamsSend(activity);
  for (let i = 0; i < 100 && h.slackApi.callsTo('chat.postMessage').length === 0; i++) await sleep(100);
  return (
    slack.status === 200 &&
    teams.status === 200 &&
    h.slackApi.callsTo('chat.postMessage').length > 0 &&
    h.connector.calls.length > 0
  );
}

export async function runForgedRequests(slackCount = 390, teamsCount = 200): Promise<ScenarioReport> {
  const runId = randomBytes(3).toString('hex');
  const h = await startHostileDesk({ env: { JOBS_ENABLED: 'false' } });
  try {
    await sleep(1000);
    const before = await h.db.counts();
    const heardBefore = heard(h);
    const slack = [];
    for (const f of forgedSlack(h.secrets.SLACK_SIGNING_SECRET ?? '', slackCount, runId, h.slackApi.responseUrl('x'))) {
      slack.push({ kind: f.kind, status: (await h.post('/slack/events', f.body, f.contentType, f.headers)).status });
    }
    const teams = [];
    for (const f of forgedTeams(h.teams, h.connector.serviceUrl, teamsCount, runId)) {
      teams.push({ kind: f.kind, status: (await h.teamsSend(f.activity, f.authorization)).status });
    }
    await sleep(2000); // anything that got through would be handled by now
    const written = rowsWritten(before, await h.db.counts());
    const leaked = heard(h) - heardBefore;
    const genuine = await genuineAnswered(h, runId);
    const s = tally(slack);
    const t = tally(teams);
    const lines = [
      `did: ${slack.length} forged, stale, unsigned or altered Slack requests; ${teams.length} Teams activities with bad tokens`,
      `Slack refused with 401: ${s.refused} of ${slack.length}; Teams: ${t.refused} of ${teams.length}`,
      ...[...s.lines, ...t.lines].map((l) => `  ${l}`),
      `rows written: ${describeRows(written)}; calls reaching the Slack, Bot Connector and token fakes: ${leaked}`,
      `genuine Slack and Teams requests afterwards answered: ${genuine ? 'yes' : 'no'}`,
    ];
    const ok =
      s.refused === slack.length && t.refused === teams.length && written.size === 0 && leaked === 0 && genuine;
    return { name: 'forged-requests', lines, ok };
  } finally {
    await h.close();
  }
}

export const forgedRequests: Scenario = {
  name: 'forged-requests',
  about: 'forged, stale, unsigned and altered Slack requests, and bad Teams tokens: all 401, nothing written or sent',
  run: () => runForgedRequests(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { slack: { type: 'string' }, teams: { type: 'string' } } });
  const report = await runForgedRequests(Number(values.slack ?? 390), Number(values.teams ?? 200));
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'forged-requests: ok' : 'forged-requests: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
