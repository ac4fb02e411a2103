import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const evalCli = (args: string[]) =>
  run(join(root, 'node_modules', '.bin', 'tsx'), ['src/knowledge/eval/eval-cli.ts', ...args], { cwd: root });

function writeSet(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eval-set-'));
  const articles = [
    {
      id: 'vpn',
      title: 'Connect to the VPN',
      body: 'Open the VPN client and sign in.',
      questions: ['vpn not working'],
    },
    { id: 'printer', title: 'Set up a printer', body: 'Add the printer from settings.', questions: ['printing fails'] },
    { id: 'password', title: 'Reset your password', body: 'Use the reset page.', questions: ['forgot my password'] },
  ];
  const queries = [
    { query: 'my vpn is not working', gold: 'vpn' },
    { query: 'I forgot my password', gold: 'password' },
    { query: 'printing fails on floor 2', gold: 'printer' },
    { query: 'what is for lunch today', gold: null },
  ];
  writeFileSync(join(dir, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
  writeFileSync(join(dir, 'queries.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n'));
  return dir;
}

describe('npm run eval', () => {
  it('prints one JSON object with the contracted metrics', async () => {
    const dir = writeSet();
    const { stdout } = await evalCli([
      '--articles',
      join(dir, 'articles.jsonl'),
      '--queries',
      join(dir, 'queries.jsonl'),
    ]);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual([
      'queries',
      'p_at_1',
      'recall_at_3',
      'mrr',
      'answered_correct',
      'wrong_answer_rate',
      'oos_declined',
    ]);
    expect(result).toMatchObject({ queries: 4, p_at_1: 1, recall_at_3: 1, mrr: 1, oos_declined: 1 });
  });

  it('prints the threshold trade-off with --sweep, and the definitions with --help', async () => {
    const dir = writeSet();
    const sweep = (await evalCli(['--set', dir, '--sweep'])).stdout.trim().split('\n');
    expect(sweep[0]).toMatch(/answer≥\s+answered_correct\s+wrong_answer_rate\s+oos_declined/);
    expect(sweep).toHaveLength(13); // a header and thresholds 0.50 … 0.99
    const help = (await evalCli(['--help'])).stdout;
    for (const metric of ['p_at_1', 'recall_at_3', 'mrr', 'answered_correct', 'wrong_answer_rate', 'oos_declined']) {
      expect(help).toContain(metric);
    }
  });

  it('reads the synonym list given, skipping a bad line with a warning, and refuses a missing one', async () => {
    const dir = writeSet();
    const list = join(dir, 'synonyms.txt');
    writeFileSync(list, 'vpn\nprinter, printing\n');
    const { stdout, stderr } = await evalCli(['--set', dir, '--synonyms', list, '--embeddings', 'none']);
    expect(JSON.parse(stdout)).toMatchObject({ queries: 4, p_at_1: 1 });
    expect(stderr).toMatch(/synonym line skipped.*line 1: a group needs at least two entries/);
    await expect(evalCli(['--set', dir, '--synonyms', join(dir, 'nope.txt')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/nope\.txt/),
    });
  });

  it('replays --learn as helpful clicks, and scores only the queries that were not learned', async () => {
    const dir = writeSet();
    const asked = [
      { query: 'remote access tunnel keeps dropping', gold: 'vpn' },
      { query: 'I forgot my password', gold: 'password' },
      { query: 'what is for lunch today', gold: null },
    ];
    writeFileSync(join(dir, 'queries.jsonl'), asked.map((q) => JSON.stringify(q)).join('\n'));
    const learn = join(dir, 'learn.jsonl');
    // Half of it learned: one wording no article shares a word with, and one of the queries itself.
    const learned = [{ query: 'remote access tunnel drops', gold: 'vpn' }, asked[1]];
    writeFileSync(learn, learned.map((q) => JSON.stringify(q)).join('\n'));
    const words = ['--set', dir, '--embeddings', 'none'];
    expect(JSON.parse((await evalCli(words)).stdout)).toMatchObject({ queries: 3, p_at_1: 0.5 });
    // Scored on the other half only: the learned query is left out rather than counted as found.
    expect(JSON.parse((await evalCli([...words, '--learn', learn])).stdout)).toMatchObject({ queries: 2, p_at_1: 1 });
  });

  it('replays --feedback as people would react, learns only what they confirmed, and scores the rest', async () => {
    const dir = writeSet();
    const asked = [
      { query: 'remote access tunnel keeps dropping', gold: 'vpn' },
      { query: 'I forgot my password', gold: 'password' },
      { query: 'what is for lunch today', gold: null },
    ];
    writeFileSync(join(dir, 'queries.jsonl'), asked.map((q) => JSON.stringify(q)).join('\n'));
    const feedback = join(dir, 'feedback.jsonl');
    // The password question is answered right (👍); the tunnel wording finds nothing, so its person asks for
    // a human and nothing is learned from it, unlike --learn's click on the gold whatever the desk said.
    const lines = [asked[1], { query: 'remote access tunnel drops', gold: 'vpn' }];
    writeFileSync(feedback, lines.map((q) => JSON.stringify(q)).join('\n'));
    const { stdout, stderr } = await evalCli(['--set', dir, '--embeddings', 'none', '--feedback', feedback]);
    expect(JSON.parse(stdout)).toMatchObject({ queries: 2, p_at_1: 0 });
    expect(JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}')).toEqual({
      feedback: { replayed: 2, helpful: 1, picked: 0, unhelpful: 0, human: 1 },
      // Two outcomes are far too few to refit the decision: the shipped curve and threshold stay.
      calibration: { method: 'shipped', outcomes: 1, reason: 'too_few_outcomes', answer: 0.85 },
    });
  });

  it('names the file and line of a bad evaluation set', async () => {
    const dir = writeSet();
    writeFileSync(join(dir, 'queries.jsonl'), '{"query": "ok", "gold": null}\n{"gold": "vpn"}\n');
    await expect(evalCli(['--set', dir])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/queries\.jsonl:2/),
    });
  });
});
