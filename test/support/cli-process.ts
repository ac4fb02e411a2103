import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

export interface CliProcess {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output: () => string;
  exited: Promise<number>;
  /** Types a line, as a person at the terminal would. */
  type(line: string): void;
  /** Ends the process and every process it started (tsx runs node as its child): for `finally`. */
  end(): Promise<void>;
}

/** `npm start` (no args) or `npm run chat` (`--chat …`) as a real process, in its own process group. */
export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(tsx, ['src/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return {
    child,
    output: () => output,
    exited,
    type: (line) => void child.stdin?.write(`${line}\n`),
    async end() {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group has already gone.
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}
