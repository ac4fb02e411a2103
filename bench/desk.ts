/**
 * `npm run bench:desk [-- --json] [--requests N]`: what a person waits for, end to end. Starts the desk as
 * `npm start` does (embedded PGlite in a temporary folder, words-only ranking so the figure is the desk's own
 * work, not the embedding model's), then sends requests through the local chat API one at a time: questions,
 * "did this help?" presses, `status`, `help`, and opening tickets. Prints p50 / p99 / mean per kind in ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, requests: { type: 'string', default: '300' } },
});
const rounds = Number(values.requests) / 5;
const root = fileURLToPath(new URL('..', import.meta.url));
const questions = [
  'how do I reset my password?',
  'my vpn keeps disconnecting',
  'printer on floor 3 is jammed',
  'how do I set up mfa on a new phone',
  'I need access to the finance share',
];

async function startDesk(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const env = { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, LOCAL_EMBEDDINGS: 'false' };
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { ...env, KNOWLEDGE_WATCH: 'false', JOBS_ENABLED: 'false', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      output += d;
      const found = /Open (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`desk exited with ${code}: ${output}`)));
  });
  return { child, url };
}

const post = async (url: string, path: string, body: unknown) => {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as {
    messages: { blocks?: { kind: string; buttons?: { actionId: string; value: string }[] }[] }[];
  };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-bench-'));
const { child, url } = await startDesk(dataDir);
const times: Record<string, number[]> = { question: [], helpful: [], status: [], help: [], ticket: [] };
const timed = async <T>(kind: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await run();
  times[kind]?.push(performance.now() - started);
  return result;
};
try {
  for (let i = 0; i < rounds; i++) {
    const user = `bench${i % 20}`;
    const answer = await timed('question', () =>
      post(url, '/api/local/messages', { user, text: questions[i % questions.length] }),
    );
    const buttons = answer.messages.flatMap((m) => (m.blocks ?? []).flatMap((b) => b.buttons ?? []));
    const press = buttons.find((b) => b.actionId === 'helpful') ?? buttons[0];
    if (press)
      await timed('helpful', () =>
        post(url, '/api/local/actions', { user, action: press.actionId, value: press.value }),
      );
    await timed('ticket', () => post(url, '/api/local/messages', { user, text: `ticket bench problem ${i}` }));
    await timed('status', () => post(url, '/api/local/messages', { user, text: 'status' }));
    await timed('help', () => post(url, '/api/local/messages', { user, text: 'help' }));
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
const report = Object.fromEntries(
  Object.entries(times).map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const mean = sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length);
    const ms = (n: number) => Math.round(n * 100) / 100;
    return [
      kind,
      { n: sorted.length, p50: ms(percentile(sorted, 0.5)), p99: ms(percentile(sorted, 0.99)), mean: ms(mean) },
    ];
  }),
);
if (values.json) console.log(JSON.stringify(report));
else
  for (const [kind, r] of Object.entries(report))
    console.log(`${kind.padEnd(9)} n=${r.n} p50 ${r.p50} ms  p99 ${r.p99} ms  mean ${r.mean} ms`);
