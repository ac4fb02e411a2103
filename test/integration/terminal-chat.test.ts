import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactions } from '../../src/store/schema.ts';
import { type CliProcess, startCli } from '../support/cli-process.ts';
import { waitFor } from '../support/desk-process.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** `npm run chat` against a running desk, typed into as a person would. */
describe('the terminal chat', () => {
  let app: TestApp;
  const runs: CliProcess[] = [];
  beforeAll(async () => {
    // Every match a "maybe": the desk offers choices, deterministically.
    app = await startTestApp({ ADMINS: 'local:ann', ANSWER_MIN_CONFIDENCE: '0.99', CLARIFY_MIN_CONFIDENCE: '0.01' });
  });
  afterAll(async () => {
    for (const run of runs) await run.end();
    await app.close();
  });
  const chat = (...args: string[]) => {
    const run = startCli(['--chat', '--url', app.url, ...args], {});
    runs.push(run);
    return run;
  };
  const since = (run: CliProcess, mark: number) => run.output().slice(mark);

  it('shows choices once, without backticks, answers a number out of range itself, and shows updates as they come', async () => {
    const run = chat('--user', 'zed');
    run.type('locked myself out, need a new password');
    await waitFor(() => /Talk to a human/.test(run.output()), 'the choices', 60_000);
    expect(run.output()).toContain('terminal chat as "zed"');
    const choices = run.output();
    expect(choices.match(/Reset a forgotten password/g)).toHaveLength(1);
    const talk = /\[(\d+)\] Talk to a human/.exec(choices)?.[1] ?? '?';

    const asked = await app.store.db.$count(interactions);
    let mark = run.output().length;
    run.type('9');
    await waitFor(() => /No such choice/.test(since(run, mark)), 'the answer to 9');
    expect(since(run, mark)).toContain(`No such choice: pick a number from 1 to ${talk}, or ask a question.`);
    // Answered by the terminal itself: the desk never saw "9" as a question.
    expect(await app.store.db.$count(interactions)).toBe(asked);

    mark = run.output().length;
    run.type(talk);
    await waitFor(() => /T-\d+/.test(since(run, mark)), 'the ticket');
    const ref = /T-\d+/.exec(since(run, mark))?.[0] ?? 'T-?';
    expect(since(run, mark)).toContain(`status ${ref}`);

    // The help desk writes; zed types nothing and still sees it.
    mark = run.output().length;
    const reply = await app.post('/api/local/messages', {
      user: 'ann',
      text: `reply ${ref} Try the spare dock on desk 4`,
    });
    expect(reply.status).toBe(200);
    await waitFor(() => /Try the spare dock on desk 4/.test(since(run, mark)), 'the pushed reply', 20_000);
    expect(since(run, mark)).toMatch(/desk \(update\)>/);

    expect(run.output()).not.toContain('`');
    run.type('quit');
    expect(await run.exited).toBe(0);
  }, 120_000);

  it("chats as the web page's default user when no --user is given", async () => {
    const run = chat();
    await waitFor(() => /terminal chat as/.test(run.output()), 'the greeting', 60_000);
    expect(run.output()).toContain('terminal chat as "alice"');
    run.type('quit');
    expect(await run.exited).toBe(0);
  }, 90_000);
});
