import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

/**
 * PGlite reserves its shared buffers inside its WebAssembly memory and touches all of them at start-up, so
 * their size is resident from the first second: a process holding only a reopened PGlite was at about 290 MB
 * with PGlite's default of 128 MB and about 180 MB with 32 MB (see also npm run bench:memory). A desk's database is small and its hot rows fewer; what does
 * not fit is read back through the operating system's file cache.
 */
const sharedBuffers = '32MB';

export const pgliteOptions: PGliteOptions = {
  startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
};

const initdbScript = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));

/** Runs initdb for `dir` in a process of its own, whose memory goes back to the system when it ends. */
function initialiseInChild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [initdbScript, dir, JSON.stringify(pgliteOptions)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite could not create its database in ${dir}: ${stderr.trim()}`)),
    );
  });
}

/** The PGlite database in `dir`, created first when the folder has none. */
export async function openPgliteFolder(dir: string): Promise<PGlite> {
  if (!existsSync(join(dir, 'PG_VERSION'))) await initialiseInChild(dir);
  const client = new PGlite(dir, pgliteOptions);
  await client.waitReady;
  return client;
}
