/**
 * Apps under load run in processes of their own, as in production: the load, the fakes and the figures stay
 * off their event loop. This starts one through tsx and waits for the address it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface ChildApp {
  url: string;
  child: ChildProcess;
  /** What the process wrote on stderr so far (the desk logs JSON lines there). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Runs `script` (relative to the repository) with exactly `env` and resolves when stdout names a URL.
 * `nodeFlags` (`--cpu-prof`, which Node refuses in NODE_OPTIONS) run it as `node <flags> --import tsx`.
 */
export async function startChild(
  script: string,
  env: Record<string, string>,
  urlPattern = /(http:\/\/\S+)/,
  nodeFlags: string[] = [],
  /** Another checkout of the repository to run it from (an earlier commit, to compare with). */
  cwd = root,
): Promise<ChildApp> {
  const [command, args] = nodeFlags.length
    ? [process.execPath, [...nodeFlags, '--import', 'tsx', script]]
    : [join(root, 'node_modules', '.bin', 'tsx'), [script]];
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let errors = '';
  child.stderr?.on('data', (d) => {
    errors += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
      const found = urlPattern.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}${errors}`)));
  });
  return {
    url,
    child,
    stderr: () => errors,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The desk's event-loop delay since the last scrape, from its own /metrics (prom-client resets the
 * histogram behind `nodejs_eventloop_lag_*` at each collection), in milliseconds; and the CPU time its
 * process has used so far, every thread (the model's, PGlite's work on the main one), in seconds.
 */
export async function scrapeDesk(url: string): Promise<{ p99: number; max: number; cpuSeconds: number }> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const seconds = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  return {
    p99: Math.round(seconds('nodejs_eventloop_lag_p99_seconds') * 1000),
    max: Math.round(seconds('nodejs_eventloop_lag_max_seconds') * 1000),
    cpuSeconds: seconds('process_cpu_seconds_total'),
  };
}
