import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DataDirInUse, lockFileName } from '../../src/store/data-dir-lock.ts';
import type { Db } from '../../src/store/db.ts';
import { openPostgres, openStore, type Store } from '../../src/store/open-store.ts';
import {
  deskEnv,
  doDaysWork,
  endDesk,
  type RunningDesk,
  startDesk,
  stopDesk,
  ticketHistory,
  whatPeopleSee,
} from '../support/backup-desk.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL;
const scratch = () => mkdtemp(join(tmpdir(), 'tierdesk-backup-'));

/** The migrations the desk recorded as applied: a restore must bring them back, so none runs again. */
const appliedMigrations = (db: Db) =>
  db.execute(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by id`);

/** `npm run backup:data -- <copy>` on a data folder: how it ended and what it said. */
async function backUpDataDir(dataDir: string, copy: string): Promise<{ code: number; output: string }> {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir };
  return run(tsx, ['scripts/backup-data-dir.ts', copy], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, output: err.stdout + err.stderr }),
  );
}

/** Reads a store and closes it again, so the desk can have it next. */
async function readStore<T>(store: Store, read: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await read(store.db);
  } finally {
    await store.close();
  }
}

/**
 * The restored desk starts as usual, shows everything people saw before, and carries on: the next ticket
 * follows the last one, and the old tickets can still be worked.
 */
async function checkRestoredDesk(env: Record<string, string>, refs: string[], seen: Record<string, string>) {
  let desk: RunningDesk | undefined;
  try {
    desk = await startDesk(env);
    expect(await whatPeopleSee(desk, refs)).toEqual(seen);
    const next = `T-${Number(refs.at(-1)?.slice(2)) + 1}`;
    expect(await desk.say('dave', 'ticket Monitor flickers')).toContain(next);
    expect(await desk.say('ben', `claim ${refs[2]}`)).toMatch(/is yours/);
    await stopDesk(desk);
  } finally {
    await endDesk(desk);
  }
}

describe.skipIf(!serverUrl)('backup and restore on Postgres (needs TEST_DATABASE_URL)', () => {
  const server = serverUrl ?? '';
  const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

  it('restores a pg_dump into a fresh database with every ticket and event, and the desk carries on', async () => {
    const suffix = randomBytes(4).toString('hex');
    const [source, restored] = [`tierdesk_backup_${suffix}`, `tierdesk_restored_${suffix}`];
    const dir = await scratch();
    const dump = join(dir, 'tierdesk.dump');
    let desk: RunningDesk | undefined;
    try {
      await run('createdb', [`--maintenance-db=${server}`, source]);
      desk = await startDesk(deskEnv({ DATABASE_URL: urlOf(source) }, dir));
      const refs = await doDaysWork(desk);
      const seen = await whatPeopleSee(desk, refs);
      await stopDesk(desk);
      const before = await readStore(openPostgres(urlOf(source)), async (db) => ({
        history: await ticketHistory(db),
        migrations: await appliedMigrations(db),
      }));
      expect(before.history.tickets).toHaveLength(3);

      // The procedure in the README, as an operator types it.
      await run('pg_dump', ['-Fc', '-f', dump, urlOf(source)]);
      await run('createdb', [`--maintenance-db=${server}`, restored]);
      await run('pg_restore', ['--no-owner', '--exit-on-error', '-d', urlOf(restored), dump]);

      expect(await readStore(openPostgres(urlOf(restored)), ticketHistory)).toEqual(before.history);
      await checkRestoredDesk(deskEnv({ DATABASE_URL: urlOf(restored) }, dir), refs, seen);
      // The desk found every migration applied and ran none again over the restored data.
      expect(await readStore(openPostgres(urlOf(restored)), appliedMigrations)).toEqual(before.migrations);
    } finally {
      await endDesk(desk);
      for (const name of [source, restored])
        await run('dropdb', ['--force', '--if-exists', `--maintenance-db=${server}`, name]);
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('backup and restore of the embedded PGlite data folder', () => {
  it('restores a copy of the stopped desk’s folder with every ticket and event, and the desk carries on', async () => {
    const [dataDir, restoredDir, spare] = [await scratch(), await scratch(), await scratch()];
    const archive = join(spare, 'tierdesk-data.tar.gz');
    let desk: RunningDesk | undefined;
    try {
      desk = await startDesk(deskEnv({ DATA_DIR: dataDir }, dataDir));
      const refs = await doDaysWork(desk);
      const seen = await whatPeopleSee(desk, refs);
      await stopDesk(desk);
      // A desk that stopped lets go of its folder: nothing in the copy says a desk holds it.
      expect(existsSync(join(dataDir, lockFileName))).toBe(false);

      // The procedure in the README: the whole folder, copied while no desk uses it.
      await run('tar', ['-czf', archive, '-C', dataDir, '--exclude', lockFileName, '.']);
      await run('tar', ['-xzf', archive, '-C', restoredDir]);

      const before = await readStore(await openStore({ dataDir }), ticketHistory);
      expect(before.tickets).toHaveLength(3);
      expect(await readStore(await openStore({ dataDir: restoredDir }), ticketHistory)).toEqual(before);
      await checkRestoredDesk(deskEnv({ DATA_DIR: restoredDir }, restoredDir), refs, seen);
    } finally {
      await endDesk(desk);
      for (const dir of [dataDir, restoredDir, spare]) await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('refuses a restored copy whose lock names a desk on another machine, until that lock is removed', async () => {
    const dataDir = await scratch();
    try {
      // A copy taken from a desk that was killed, not stopped, carries its lock: from here, the desk that
      // wrote it cannot be told apart from one still running on that machine.
      const holder = { pid: 4242, host: 'old-desk.example', since: '2026-01-05T09:00:00Z' };
      await writeFile(join(dataDir, lockFileName), JSON.stringify(holder));
      await expect(openStore({ dataDir })).rejects.toBeInstanceOf(DataDirInUse);
      await rm(join(dataDir, lockFileName));
      await (await openStore({ dataDir })).close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('backs up with `npm run backup:data` only once the desk has stopped, and the copy restores', async () => {
    const [dataDir, spare] = [await scratch(), await scratch()];
    const copy = join(spare, 'tierdesk-data');
    let desk: RunningDesk | undefined;
    try {
      desk = await startDesk(deskEnv({ DATA_DIR: dataDir }, dataDir));
      const ref = /T-\d+/.exec(await desk.say('alice', 'ticket VPN drops every hour'))?.[0];
      const status = await desk.say('alice', `status ${ref}`);
      const refused = await backUpDataDir(dataDir, copy);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`A desk is using ${dataDir} (pid `);
      expect(refused.output).toContain('stop it, then back up');
      expect(existsSync(copy)).toBe(false);
      await stopDesk(desk);

      expect(await backUpDataDir(dataDir, copy)).toEqual({
        code: 0,
        output: `Copied ${dataDir} to ${copy}. To restore, start the desk with DATA_DIR=${copy}.\n`,
      });
      expect(existsSync(join(copy, lockFileName))).toBe(false);
      desk = await startDesk(deskEnv({ DATA_DIR: copy }, copy));
      expect(await desk.say('alice', `status ${ref}`)).toBe(status);
      await stopDesk(desk);
    } finally {
      await endDesk(desk);
      for (const dir of [dataDir, spare]) await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
