/**
 * Starts the real desk process for the start-up and memory benches, the way `npm start` runs it (through
 * tsx, or the compiled build in dist/ with the node options of the checkout's `npm start`), and reads what
 * it costs from outside: the time until `/healthz` first answers 200, its log lines with their arrival
 * times, and the resident memory of its whole process tree from /proc (tsx runs the desk as a child of its
 * own, plus esbuild services, all of which count).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** How the desk's code is run: transpiled on the fly by tsx, or compiled ahead by `npm run build`. */
export type Runner = 'tsx' | 'js';

/** The options `npm start` gives node in the checkout at `at` (its package.json), as that checkout runs. */
function startFlags(at: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = (scripts?.start ?? '').split(/\s+/);
  return words.slice(1, words.indexOf('dist/src/main.js')).filter((w) => w.startsWith('--'));
}

const commandOf = (runner: Runner, nodeOptions: readonly string[], at: string): [string, string[]] =>
  runner === 'tsx'
    ? [join(at, 'node_modules', '.bin', 'tsx'), [...nodeOptions, 'src/main.ts']]
    : [process.execPath, [...startFlags(at), ...nodeOptions, join(at, 'dist', 'src', 'main.js')]];

export interface LogLine {
  /** Milliseconds after the spawn when the line arrived. */
  at: number;
  text: string;
}

export interface RunningDesk {
  child: ChildProcess;
  spawnedAt: number;
  lines: LogLine[];
  /** Milliseconds from the spawn to the first 200 on GET /healthz. */
  healthy(port: number): Promise<number>;
  /** The URL printed on "Tierdesk is running … Open <url>", once it is. */
  url(): Promise<string>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Options for node itself (`--max-semi-space-size=…`). */
  nodeOptions?: readonly string[];
  /** Another checkout to run, to compare a change with what came before it in one run (default: this one). */
  checkout?: string;
}

export function spawnDesk(runner: Runner, env: Record<string, string>, options: SpawnOptions = {}) {
  const at = options.checkout ?? root;
  const [command, args] = commandOf(runner, options.nodeOptions ?? [], at);
  const spawnedAt = performance.now();
  const child = spawn(command, args, {
    cwd: at,
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_WATCH: 'false', ...env },
    // Its own process group, so stopping it ends tsx's child and the esbuild services too.
    detached: true,
  });
  const lines: LogLine[] = [];
  let pending = '';
  const take = (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    const at = performance.now() - spawnedAt;
    for (const text of parts) lines.push({ at, text });
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const failed = () => new Error(`the desk exited early:\n${lines.map((l) => l.text).join('\n')}`);
  const desk: RunningDesk = {
    child,
    spawnedAt,
    lines,
    async healthy(port) {
      for (;;) {
        if (gone) throw failed();
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) return performance.now() - spawnedAt;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async url() {
      for (;;) {
        const found = lines.map((l) => /Open (http:\/\/\S+)/.exec(l.text)?.[1]).find(Boolean);
        if (found) return found;
        if (gone) throw failed();
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      if (!gone && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        const late = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 15_000);
        await exited;
        clearTimeout(late);
      }
    },
  };
  return desk;
}

/** A free TCP port for one run (the kernel picks it; a desk started right after takes it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMb: number;
  peakMb: number;
}

const childrenOf = (pid: number): number[] => {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  // Without that file: every process whose parent is `pid` (the fourth field of its stat line).
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((p) => {
      try {
        return Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
};

const statusField = (status: string, key: string) =>
  Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;

/** VmRSS and VmHWM (peak) of `pid` and every process under it, each on its own. */
export function processTree(pid: number): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const command = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      out.push({ pid: p, command, rssMb: statusField(status, 'VmRSS'), peakMb: statusField(status, 'VmHWM') });
      for (const c of childrenOf(p)) visit(c);
    } catch {
      // It ended while being read.
    }
  };
  visit(pid);
  return out;
}

/** The process running the desk's own code: the one holding `src/main.ts` or `dist/src/main.js`. */
export const deskProcess = (tree: readonly ProcessMemory[]) =>
  tree.filter((p) => /main\.(ts|js)/.test(p.command) && !/\.bin\/tsx|tsx\/dist\/cli/.test(p.command)).at(-1);
