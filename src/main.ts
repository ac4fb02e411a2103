/**
 * The composition root: the only module that reads `process.env` and the only one that sees both the
 * desk and the adapters. `npm start` runs it, `npm run chat` runs it with `--chat`; tests call `startApp`
 * with their own store and clock.
 */
import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultLocalUser } from '../adapters/local/inbound.ts';
import { localPlatform } from '../adapters/local/index.ts';
import { runTerminalChat } from '../adapters/local/terminal.ts';
import { slackPlatform } from '../adapters/slack/index.ts';
import { teamsPlatform } from '../adapters/teams/index.ts';
import { type Config, composeConfig, type Env, keysOf } from './config.ts';
import { ConfigError } from './errors.ts';
import { createLogger, type Logger } from './log.ts';
import { startUpCopy } from './messages/start-up-copy.ts';
import type { Platform } from './platform.ts';
import { type App, type AppDeps, startApp as startWith } from './start-app.ts';
import { DataDirInUse, readDataDirLock } from './store/data-dir-lock.ts';
import { openStore } from './store/open-store.ts';

/** Every platform the desk can speak on: a new one is its folder under adapters/ and one line here. */
export const platforms: readonly Platform[] = [localPlatform, slackPlatform, teamsPlatform] as Platform[];

/** Every key Tierdesk reads, the desk's and the platforms'. */
export const configKeys = keysOf(platforms);

/** Pure: reads only the given env. Throws ConfigError naming every missing or invalid key at once. */
export const loadConfig = (env: Env): Config => composeConfig(env, platforms);

export type { App };
export const startApp = (deps: Omit<AppDeps, 'platforms'>): Promise<App> => startWith({ ...deps, platforms });

/** Reads the environment (plus overrides), opens the store and starts everything. */
export async function bootFromEnvironment(overrides: Env = {}): Promise<App & { log: Logger }> {
  const config = loadConfig({ ...process.env, ...overrides });
  const log = createLogger(config.logLevel);
  // What start-up spends its time on (npm run bench:start-up reads these lines).
  const opening = performance.now();
  const store = await openStore(config);
  log.debug('store opened', { kind: store.kind, ms: Math.round(performance.now() - opening) });
  try {
    const app = await startApp({ config, store, log });
    return {
      ...app,
      log,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

/**
 * The URL of the desk holding the data folder, found by its lock (on whatever port it listens); waits while
 * that desk is still starting. Nothing when no desk holds it.
 */
async function deskInDataDir(dataDir: string): Promise<string | undefined> {
  let holder = await readDataDirLock(dataDir);
  if (holder && !holder.url) console.log(startUpCopy.waitingForDesk(dataDir, holder, hostname()));
  for (const until = Date.now() + 180_000; holder && !holder.url && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 250));
    holder = await readDataDirLock(dataDir);
  }
  return holder?.url;
}

/**
 * `npm run chat`: the terminal chat with the desk using this data folder (found by its lock), else one
 * answering on PORT, else a desk of its own (which then holds the folder).
 */
async function chat(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { url: { type: 'string' }, user: { type: 'string' } } });
  const config = loadConfig(process.env);
  let base =
    values.url ??
    (config.databaseUrl ? undefined : await deskInDataDir(config.dataDir)) ??
    `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  let stop = async () => {};
  if (!(await reachable(base))) {
    if (values.url) {
      console.error(startUpCopy.nothingAt(values.url));
      process.exit(1);
    }
    const app = await bootFromEnvironment({ PORT: '0', LOG_LEVEL: 'warn' });
    base = app.url;
    stop = app.close;
  }
  await runTerminalChat(base, values.user ?? defaultLocalUser);
  await stop();
}

/**
 * The last resort, for the running desk only (tests start theirs with `startApp` and keep their own).
 *
 * Survivable, and handled where it happens: a failed event (desk.handle's one catch, with the polite reply),
 * a database that goes away (the driver rejects the queries; the pool reconnects when it is back), a failed
 * delivery (Delivery logs it) or job (the job runner logs it).
 *
 * An unhandled rejection is a promise nobody awaited: that piece of work is lost, but it failed the way async
 * code fails, unwinding its own steps, so the rest of the process is as it was. Log it and keep serving.
 *
 * An uncaught exception is not survivable: something threw from a callback with no caller (as postgres.js
 * 3.4.9 did from a timer before patches/postgres+3.4.9.patch), leaving whatever it was half-way through in a
 * state nothing knows. Log it once and exit 70 (EX_SOFTWARE) for the supervisor (systemd, Kubernetes) to start a
 * clean process, closing what can be closed within a few seconds first.
 */
function installLastResort(log: Logger, close: () => Promise<void>): void {
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled rejection (work lost, desk still running)', { err: reason });
  });
  let exiting = false;
  process.on('uncaughtException', (err) => {
    if (exiting) return;
    exiting = true;
    log.error('uncaught exception: state unknown, exiting for a restart', { err });
    const giveUp = setTimeout(() => process.exit(70), 5000);
    void close()
      .catch(() => {})
      .finally(() => {
        clearTimeout(giveUp);
        process.exit(70);
      });
  });
}

async function runFromCommandLine(argv: string[]): Promise<void> {
  try {
    if (argv.includes('--migrate-only')) {
      const store = await openStore(loadConfig(process.env));
      await store.migrate();
      await store.close();
      console.log(`Migrations applied (${store.kind}).`);
      return;
    }
    if (argv[0] === '--chat') return await chat(argv.slice(1));
    const app = await bootFromEnvironment();
    installLastResort(app.log, app.close);
    console.log(`Tierdesk is running (${app.adapters.join(', ')}). Open ${app.url} to chat with the desk.`);
    const stop = async (signal: string) => {
      app.log.info('shutting down', { signal });
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof DataDirInUse) console.error(startUpCopy.dataDirInUse(err.dataDir, err.holder, hostname()));
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(startUpCopy.portInUse);
    else console.error('Tierdesk could not start:', err);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFromCommandLine(process.argv.slice(2));
}
