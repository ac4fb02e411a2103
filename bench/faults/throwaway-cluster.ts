/**
 * A Postgres 15 cluster of its own in a temporary folder, on its own port, that a fault scenario may stop and
 * start at will. It never touches the shared server on 5432: other work and CI use that one.
 *
 * Run as root, initdb and pg_ctl refuse to run, so they run as the `postgres` user (`runuser`), and the folder
 * belongs to that user. Run as anyone else, they run as that user.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const binDir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

export type StopMode = 'fast' | 'immediate';

export interface Cluster {
  port: number;
  /** A URL for the cluster's `tierdesk` database. */
  url: string;
  stop(mode: StopMode): Promise<void>;
  start(): Promise<void>;
  /**
   * Holds `table` locked against writes from a session of its own until the returned function is called or
   * the server stops: the desk's transactions that write it wait, in flight, as behind a stalled disk.
   */
  lockAgainstWrites(table: string, mode?: 'exclusive' | 'access exclusive'): Promise<() => void>;
  /** Runs one statement with psql; its rows, `|`-separated. */
  query(sql: string): Promise<string[]>;
  /** Stops it (if running) and removes its folder. */
  destroy(): Promise<void>;
}

/** Why a throwaway cluster cannot be made here, or nothing when it can. */
export async function clusterUnavailable(): Promise<string | undefined> {
  if (!existsSync(join(binDir, 'initdb'))) return `no initdb in ${binDir} (set PG_BIN_DIR to Postgres' bin folder)`;
  if (!asRoot) return undefined;
  try {
    await run('id', ['-u', 'postgres']);
    return undefined;
  } catch {
    return 'running as root and there is no postgres user to run initdb as';
  }
}

/** The first port from `from` on which nothing listens on 127.0.0.1. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${from + 200}`);
}

const tool = (name: string, args: string[]) =>
  asRoot ? run('runuser', ['-u', 'postgres', '--', join(binDir, name), ...args]) : run(join(binDir, name), args);

export async function createCluster(options: { port?: number } = {}): Promise<Cluster> {
  const unavailable = await clusterUnavailable();
  if (unavailable) throw new Error(`cannot make a throwaway Postgres cluster: ${unavailable}`);
  const port = await freePort(options.port ?? 5544);
  const dir = await mkdtemp(join(tmpdir(), 'tierdesk-pg-'));
  if (asRoot) {
    const ids = (await run('id', ['postgres'])).stdout;
    const uid = Number(/uid=(\d+)/.exec(ids)?.[1]);
    const gid = Number(/gid=(\d+)/.exec(ids)?.[1]);
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Listen on loopback only, on our own port, with the socket in our own folder; fsync off: it is thrown away.
  const settings = [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`];
  await writeFile(join(data, 'postgresql.auto.conf'), `${[...settings, 'fsync = off'].join('\n')}\n`);
  if (asRoot) await tool('pg_ctl', ['--version']); // runuser itself works: fail here, not mid-scenario
  let running = false;
  const start = async () => {
    await tool('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log')]);
    running = true;
  };
  const stop = async (mode: StopMode) => {
    await tool('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', data]);
    running = false;
  };
  await start();
  await tool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'tierdesk']);
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/tierdesk`,
    stop,
    start,
    async lockAgainstWrites(table, mode = 'exclusive') {
      // psql, not a driver in this process: when the server goes, only that session goes with it.
      const sql = `begin; lock table ${table} in ${mode} mode; select 'locked'; select pg_sleep(600);`;
      const psql = spawn(join(binDir, 'psql'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'tierdesk',
      ]);
      psql.stdin.end(sql);
      psql.on('error', () => {});
      await new Promise<void>((resolve, reject) => {
        psql.stdout.on('data', (d: Buffer) => d.includes('locked') && resolve());
        psql.once('exit', (code) => reject(new Error(`psql could not lock ${table} (exit ${code})`)));
      });
      return () => void psql.kill();
    },
    async query(sql) {
      const args = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'tierdesk', '-At', '-c', sql];
      const { stdout } = await run(join(binDir, 'psql'), args);
      return stdout.split('\n').filter((line) => line !== '');
    },
    async destroy() {
      if (running) await stop('immediate').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
