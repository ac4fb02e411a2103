import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './desk-spawn.ts';

/** Compiles a checkout's dist/ when a source changed since its last build, as `npm start` does before it runs. */
export async function ensureBuild(checkout = root): Promise<void> {
  const built = spawnSync(process.execPath, [join(checkout, 'scripts', 'build.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`npm run build failed in ${checkout}`);
}
