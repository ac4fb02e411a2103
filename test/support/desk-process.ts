import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/**
 * How long a test waits for something to be ready (a desk process to say it is running, Slack to connect).
 * A machine running the whole suite may be slow; vitest's own test timeout (vitest.config.ts) is longer,
 * so when something never gets ready it is this wait that fails, naming what it waited for.
 */
export const readyWithinMs = 90_000;

export interface DeskProcess {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output: () => string;
  exited: Promise<number>;
}

/** Process groups still running: ended when the test file's process ends, whatever happened to the test. */
const running = new Set<number>();
const endGroup = (pid: number) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  running.delete(pid);
};
process.on('exit', () => {
  for (const pid of running) endGroup(pid);
});

/**
 * Runs `npm start`'s entry point as a real process, the way a user would. It leads a process group of its
 * own: tsx runs the desk in a child process, which `stopDeskProcess` ends with it.
 */
export function startDeskProcess(env: Record<string, string>): DeskProcess {
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    detached: true,
  });
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code) => {
      // tsx exits of itself only once the desk has: nothing of the group is left to end.
      if (code !== null && child.pid !== undefined) running.delete(child.pid);
      resolve(code ?? -1);
    }),
  );
  return { child, output: () => output, exited };
}

/** Ends the desk process and every process it started (killing tsx alone leaves the desk itself running). */
export async function stopDeskProcess(run: DeskProcess): Promise<void> {
  if (run.child.pid !== undefined) endGroup(run.child.pid);
  await run.exited;
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  limitMs = readyWithinMs,
): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The chat URL the process printed on "Tierdesk is running (…). Open <url> …". */
export const printedUrl = (run: DeskProcess) => /Open (http:\/\/\S+)/.exec(run.output())?.[1];

/** Whether anything still answers at `url`. */
export const answers = async (url: string) =>
  fetch(new URL('/healthz', url)).then(
    () => true,
    () => false,
  );
