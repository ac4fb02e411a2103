import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUse, lockDataDir, lockFileName } from '../../src/store/data-dir-lock.ts';
import { type CliProcess, startCli } from '../support/cli-process.ts';
import { waitFor } from '../support/desk-process.ts';

const deskEnv = (dataDir: string) => ({
  PORT: '0',
  DATA_DIR: dataDir,
  KNOWLEDGE_WATCH: 'false',
  LOCAL_EMBEDDINGS: 'false',
  JOBS_ENABLED: 'false',
});
const printedUrl = (run: CliProcess) => /Open (http:\/\/\S+)/.exec(run.output())?.[1];
const lockOf = async (dataDir: string) =>
  JSON.parse(await readFile(join(dataDir, lockFileName), 'utf8')) as { pid: number; url?: string };

/** The pid of a process that has come and gone: what a desk killed without cleaning up leaves in its lock. */
async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => gone.on('exit', r));
  return gone.pid ?? 999_999;
}

describe('one desk per data folder', () => {
  // Ended after each test even when one fails or times out, with every process they started.
  const runs: CliProcess[] = [];
  afterEach(async () => {
    for (const run of runs.splice(0)) await run.end();
  });

  it('refuses a second lock on a folder while it is held, and gives it again once released', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-lock-'));
    const first = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirInUse);
    await first.release();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    await (await lockDataDir(dataDir)).release();
  });

  it('takes over a stale lock, refuses a second desk naming the first, is found by the chat, and lets go on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-lock-'));
    const stale = { pid: await deadPid(), host: hostname(), url: 'http://localhost:1/', since: '2026-01-01T00:00:00Z' };
    await writeFile(join(dataDir, lockFileName), JSON.stringify(stale));
    const first = startCli([], deskEnv(dataDir));
    runs.push(first);
    await waitFor(() => printedUrl(first) !== undefined, 'the first desk');
    const url = printedUrl(first);
    const held = await lockOf(dataDir);
    expect(held.pid).not.toBe(stale.pid);
    expect(held.url).toBe(url);

    const second = startCli([], deskEnv(dataDir));
    runs.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`another desk is already using the data folder ${dataDir}`);
    expect(second.output()).toContain(`pid ${held.pid}, at ${url}`);
    expect(second.output()).not.toContain('Tierdesk is running');

    // Nothing answers on the chat's PORT: the desk is found by the folder's lock, not a second one started.
    const chat = startCli(['--chat', '--user', 'zed'], { ...deskEnv(dataDir), PORT: '1' });
    runs.push(chat);
    chat.type('status T-1');
    await waitFor(() => /desk>/.test(chat.output()), 'the desk to answer the chat');
    expect(chat.output()).toContain(`terminal chat as "zed" (${url})`);
    chat.type('quit');
    expect(await chat.exited).toBe(0);
    expect((await lockOf(dataDir)).pid).toBe(held.pid);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    // Three processes start one after another: more than the default test timeout on a busy machine.
  }, 180_000);
});
