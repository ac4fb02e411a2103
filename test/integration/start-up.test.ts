import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Runs `npm start`'s entry point as a real process, the way a user would. */
function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  const child = spawn(tsx, ['src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, limitMs = 45_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('start-up', () => {
  it('exits with 1 and names every bad setting', async () => {
    const run = start({ PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://nope' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/PORT/);
    expect(run.output()).toMatch(/LOG_LEVEL/);
    expect(run.output()).toMatch(/DATABASE_URL/);
  });

  it('prints the chat URL, serves it, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-start-'));
    const run = start({ PORT: '0', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false' });
    try {
      await waitFor(() => /Open (http:\/\/\S+)/.test(run.output()), 'the URL');
      const url = /Open (http:\/\/\S+)/.exec(run.output())?.[1] ?? '';
      expect(await (await fetch(new URL('/healthz', url))).json()).toEqual({ status: 'ok' });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
