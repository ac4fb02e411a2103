/**
 * Fault scenario: the real desk process at LOG_LEVEL=debug with every secret it can hold (Slack's bot token
 * and signing secret, the Teams app password, an OpenAI key, a database password, the metrics and dashboard
 * tokens, all new for the run), driven through rounds of normal traffic, failures and hostile input
 * (bench/faults/log-traffic.ts) until it has written tens of thousands of log lines.
 *
 * What must hold: no secret, nor any 12 characters of one in a row, nor its base64, appears in anything the
 * desk printed (stdout and stderr).
 *
 * `npx tsx bench/faults/log-secrets.ts [--lines 30000]` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startHostileDesk } from './hostile-desk.ts';
import { logRound } from './log-traffic.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';

const window = 12;

/** Where in `output` a secret shows: whole, base64, URL-encoded, or any `window` characters of it. */
export function leaksOf(output: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    const forms = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
    for (let i = 0; i + window <= secret.length; i++) forms.push(secret.slice(i, i + window));
    const form = forms.find((f) => output.includes(f));
    if (form) {
      const line = output.split('\n').find((l) => l.includes(form)) ?? '';
      found.push(`${name} in: ${line.slice(0, 200)}`);
    }
  }
  return found;
}

const lineCount = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

export async function runLogSecrets(lines = 30_000, maxMinutes = 15): Promise<ScenarioReport> {
  const h = await startHostileDesk({ openai: true, env: { LOG_LEVEL: 'debug' } });
  let rounds = 0;
  try {
    const until = Date.now() + maxMinutes * 60_000;
    while (lineCount(h.desk.output()) < lines && Date.now() < until) {
      await Promise.all([logRound(h, rounds++), logRound(h, rounds++)]);
    }
  } finally {
    await h.close();
  }
  const output = h.desk.output();
  const written = lineCount(output);
  const levels = ['debug', 'info', 'warn', 'error'].map(
    (level) => `${level} ${output.split(`"level":"${level}"`).length - 1}`,
  );
  const leaks = leaksOf(output, h.secrets);
  const report = [
    `did: ${rounds} rounds of traffic, failures and hostile input at LOG_LEVEL=debug, ${Object.keys(h.secrets).length} secrets set`,
    `log lines: ${written} (${levels.join(', ')}), ${(output.length / 1e6).toFixed(1)} MB`,
    `secrets found in the output: ${leaks.length}`,
    ...leaks.map((l) => `  ${l}`),
  ];
  return { name: 'log-secrets', lines: report, ok: leaks.length === 0 && written >= lines };
}

export const logSecrets: Scenario = {
  name: 'log-secrets',
  about: 'debug logs of 30,000 lines of traffic, failures and hostile input: no secret in any of them',
  run: () => runLogSecrets(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { lines: { type: 'string' } } });
  const report = await runLogSecrets(Number(values.lines ?? 30_000));
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'log-secrets: ok' : 'log-secrets: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
