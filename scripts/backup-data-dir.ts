/**
 * `npm run backup:data -- <new folder>`: copies the embedded PGlite data folder (DATA_DIR, `./data` by
 * default) to a new folder, drafts included. It takes the folder's lock first, as a desk does, so it refuses
 * while a desk runs there (PGlite's files are only consistent once the desk has stopped) and no desk can
 * start on the folder halfway through the copy. The copy leaves the lock out: it restores as it is.
 */
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { loadConfig } from '../src/main.ts';
import { DataDirInUse, lockDataDir, lockFileName } from '../src/store/data-dir-lock.ts';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const [destination] = process.argv.slice(2);
if (!destination) fail('Usage: npm run backup:data -- <new folder>', 2);
const config = loadConfig(process.env);
if (config.databaseUrl) fail('DATABASE_URL is set: back up Postgres with pg_dump (see "Backup and restore").');
const [source, target] = [resolve(config.dataDir), resolve(destination)];
if (existsSync(target)) fail(`${target} already exists: back up into a new folder, so no older backup is mixed in.`);

const lock = await lockDataDir(config.dataDir).catch((err: unknown) => {
  if (!(err instanceof DataDirInUse)) throw err;
  const at = err.holder.host === hostname() ? `pid ${err.holder.pid}` : `pid ${err.holder.pid} on ${err.holder.host}`;
  return fail(
    `A desk is using ${config.dataDir} (${at}${err.holder.url ? `, at ${err.holder.url}` : ''}): stop it, then back up. ` +
      'A copy taken while the desk writes may not restore.',
  );
});
try {
  // The lock (and what taking it over leaves beside it) belongs to this folder, not to its copy.
  const isLock = (from: string) => dirname(resolve(from)) === source && basename(from).startsWith(lockFileName);
  await cp(source, target, { recursive: true, filter: (from) => !isLock(from) });
} finally {
  await lock.release();
}
console.log(`Copied ${config.dataDir} to ${target}. To restore, start the desk with DATA_DIR=${target}.`);
