/**
 * A round of everything that makes the desk write log lines: questions and tickets on the local chat, Slack
 * and Teams (genuine, so the SDKs log their own calls at debug), forged and malformed requests, wrong bearer
 * tokens, and failures at every fake (OpenAI, Slack's Web API, the Bot Connector, the token authority), so
 * that errors, with their causes and the SDKs' request details, are logged too.
 */
import { messageImEnvelope, slashCommandForm } from '../../test/fixtures/slack-payloads.ts';
import { messageActivity } from '../../test/fixtures/teams-activities.ts';
import { fuzzedBodies } from '../../test/support/fuzzed-bodies.ts';
import type { HostileDesk } from './hostile-desk.ts';

const questions = ['how do I reset my password?', 'my vpn keeps disconnecting', 'printer on floor 3 is jammed'];
const answer = {
  kind: 'answer' as const,
  reply: () => ({ answer: 'Try **this**.', cited_article_ids: [], escalate: false }),
};

export async function logRound(h: HostileDesk, n: number): Promise<void> {
  const failing = n % 5 === 0;
  h.openai?.behave(failing ? { kind: 'fail', status: n % 10 === 0 ? 401 : 500 } : answer);
  if (failing) {
    h.slackApi.failNext('chat.postMessage', n % 10 === 0 ? { error: 'invalid_auth' } : { status: 500 }, 2);
    h.connector.failNext(n % 10 === 0 ? 401 : 500, 2);
    if (n % 20 === 0) h.teams.login.fail(401);
  } else h.teams.login.recover();
  const local = (body: unknown) => h.post('/api/local/messages', JSON.stringify(body));
  const ts = `1770000000.${String(n).padStart(6, '0')}`;
  const text = questions[n % questions.length] ?? '';
  const slackEvent = JSON.stringify(messageImEnvelope({ user: `U0LOG${n % 7}`, text, ts, eventId: `EvLog${n}` }));
  const slackTicket = messageImEnvelope({
    user: 'U0LOGT',
    text: `ticket log round ${n}`,
    ts: `${ts}1`,
    eventId: `EvLogT${n}`,
  });
  const command = slashCommandForm({
    user: `U0LOG${n % 7}`,
    text: 'help',
    triggerId: `trig${n}`,
    responseUrl: h.slackApi.responseUrl(`r${n}`),
  });
  const activity = (id: string, words: string) =>
    messageActivity({ user: { name: `Log User ${n % 5}` }, text: words, id, serviceUrl: h.connector.serviceUrl });
  const fuzzed = fuzzedBodies(n, 3);
  await Promise.all([
    local({ user: `logger${n % 9}`, text }),
    local({ user: 'logticket', text: `ticket log round ${n}`, id: `log-${n}` }),
    h.slack(slackEvent, 'application/json'),
    h.slack(JSON.stringify(slackTicket), 'application/json'),
    h.slack(command, 'application/x-www-form-urlencoded'),
    h.slack(slackEvent, 'application/json', { secret: 'not-the-secret' }),
    h.teamsSend(activity(`log-${n}`, text)),
    h.teamsSend(activity(`log-t${n}`, `ticket log round ${n}`)),
    h.teamsSend(activity(`log-x${n}`, text), `Bearer ${h.secrets.SLACK_BOT_TOKEN}`),
    ...fuzzed.map((f) =>
      h.post(f.path, typeof f.body === 'string' ? f.body : Buffer.from(f.body).toString(), f.contentType),
    ),
    fetch(new URL('/metrics', h.url), {
      headers: { authorization: `Bearer ${failing ? 'wrong' : h.secrets.METRICS_TOKEN}` },
    }),
    fetch(new URL('/api/metrics/summary', h.url), {
      headers: { authorization: `Bearer ${h.secrets.DASHBOARD_TOKEN}` },
    }),
  ]);
}
