import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * PGlite has one writer: the desk holds `<DATA_DIR>/desk.lock` while it runs, a small JSON file naming its
 * pid, its host and, once it listens, its URL (so `npm run chat` finds it on any port). A lock whose pid is
 * no longer running on this host is stale and taken over.
 */
export const lockFileName = 'desk.lock';

const holderFile = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  url: z.string().optional(),
  since: z.string(),
});
export type LockHolder = z.infer<typeof holderFile>;

/** Another desk holds the folder: start-up stops here, naming it. */
export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`${dataDir} is in use by the desk with pid ${holder.pid} on ${holder.host}`);
  }
}

export interface DataDirLock {
  /** Writes where the desk listens into the lock, for chats looking for it. */
  advertise(url: string): Promise<void>;
  release(): Promise<void>;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A holder on another host cannot be checked from here: it counts as running. */
const isLive = (holder: LockHolder | undefined): holder is LockHolder =>
  holder !== undefined && (holder.host !== hostname() || isRunning(holder.pid));

/** The desk holding the folder, if one is running (a stale lock reads as none). */
export async function readDataDirLock(dataDir: string): Promise<LockHolder | undefined> {
  const holder = await readHolder(join(dataDir, lockFileName));
  return isLive(holder) ? holder : undefined;
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return holderFile.parse(JSON.parse(text));
  } catch {
    // Half-written or not ours: treated as stale.
    return undefined;
  }
}

/** Takes the folder for this process, or throws DataDirInUse naming the running desk. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const write = (holder: LockHolder, flag: 'wx' | 'w') => writeFile(path, JSON.stringify(holder), { flag });
  for (let attempt = 0; ; attempt++) {
    try {
      await write(mine, 'wx');
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err;
    }
    const holder = await readHolder(path);
    if (isLive(holder)) throw new DataDirInUse(dataDir, holder);
    // Stale: moved aside and read again before it is deleted, so a desk that took it over a moment ago
    // (racing this one) gets its lock back rather than losing it.
    const aside = `${path}.stale-${process.pid}`;
    if (
      !(await rename(path, aside).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const moved = await readHolder(aside);
    if (isLive(moved)) {
      await rename(aside, path);
      throw new DataDirInUse(dataDir, moved);
    }
    await unlink(aside).catch(() => undefined);
  }
  const held = () => {
    try {
      return holderFile.parse(JSON.parse(readFileSync(path, 'utf8'))).pid === process.pid;
    } catch {
      return false;
    }
  };
  // Released even when the process leaves by process.exit, without running close().
  const releaseSync = () => {
    if (held()) unlinkSync(path);
  };
  process.on('exit', releaseSync);
  return {
    async advertise(url) {
      if (!held()) return;
      await writeFile(`${path}.next`, JSON.stringify({ ...mine, url }));
      await rename(`${path}.next`, path);
    },
    async release() {
      process.off('exit', releaseSync);
      releaseSync();
    },
  };
}
