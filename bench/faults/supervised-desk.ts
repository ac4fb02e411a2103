/**
 * The real desk process (`npm start`'s entry point) under a minimal supervisor: when it exits, the exit is
 * counted with its last words and the desk is started again, so a scenario can go on measuring what a person
 * would have seen across every fault, as they would under systemd or Kubernetes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

export interface DeskExit {
  code: number | null;
  signal: string | null;
  /** The last lines it printed: what killed it. */
  tail: string;
}

export interface SupervisedDesk {
  /** Where the current desk listens; undefined while it is (re)starting. */
  url(): string | undefined;
  exits: DeskExit[];
  /** Everything every desk printed, stdout and stderr together. */
  output(): string;
  /** Kills the running desk as `kill -9` would, mid-work; the supervisor starts another. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

const startTimeoutMs = 120_000;

/**
 * How every scenario runs the desk over its cluster: words-only ranking (the 2-core machine's time goes to
 * the desk and the database, not the model), quiet logs, and no per-person limit (a dozen people sending 20
 * requests a second between them are far past it).
 */
export const faultDeskEnv = (databaseUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  PORT: '0',
  LOCAL_EMBEDDINGS: 'false',
  KNOWLEDGE_WATCH: 'false',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '0',
});

export async function superviseDesk(env: Record<string, string>): Promise<SupervisedDesk> {
  const exits: DeskExit[] = [];
  let all = '';
  let current: { child: ChildProcess; url?: string } | undefined;
  let stopping = false;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(tsx, ['src/main.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', ...env },
        detached: true, // its own process group: tsx runs the desk in a child, and stop() ends both
      });
      const run: { child: ChildProcess; url?: string } = { child };
      current = run;
      let own = '';
      const heard = (d: Buffer) => {
        own += d;
        all += d;
        const url = /Open (http:\/\/\S+)/.exec(own)?.[1];
        if (url && !run.url) {
          run.url = url;
          resolve();
        }
      };
      child.stdout?.on('data', heard);
      child.stderr?.on('data', heard);
      const timer = setTimeout(
        () => reject(new Error(`desk did not start in ${startTimeoutMs} ms:\n${own}`)),
        startTimeoutMs,
      );
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (stopping) return;
        // A desk that never started (the database still down) failed to start; it did not crash.
        if (!run.url) return reject(new Error(`desk exited before it started (${code ?? signal}):\n${own}`));
        exits.push({ code, signal, tail: own.trim().split('\n').slice(-6).join('\n') });
        current = undefined;
        void relaunch();
      });
    });

  // A desk that exits mid-outage cannot start until the database is back: keep trying, as a supervisor would.
  const relaunch = async () => {
    while (!stopping) {
      try {
        await launch();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };

  await launch();
  return {
    url: () => current?.url,
    exits,
    output: () => all,
    async crash() {
      const child = current?.child;
      if (!child?.pid || child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGKILL');
      await gone;
    },
    async stop() {
      stopping = true;
      const child = current?.child;
      if (!child?.pid || child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const killer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(killer);
    },
  };
}
