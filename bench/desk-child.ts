/**
 * The desk as the throughput benches run it: as in production (the bundled embedding model on, embedded
 * PGlite in a temporary folder of its own or a new database on `--postgres`, info logs), minus what would muddy the figures: no scheduled
 * jobs, no per-person rate limit, no reloading of articles.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildApp, startChild } from './child-app.ts';
import { scratchDatabases } from './scratch-database.ts';

/**
 * Starts the desk with a platform's settings and resolves once it has embedded its articles: a fresh desk
 * does that in the background after it listens, and load measured meanwhile would measure the start-up.
 * `tree`: another checkout to run (an earlier commit, to compare with in the same run). `postgres`: a
 * server to give the desk a new database of its own on, instead of embedded PGlite.
 */
export async function startDesk(
  platformEnv: Record<string, string>,
  tree?: string,
  postgres?: string,
): Promise<ChildApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-throughput-'));
  const databases = postgres ? scratchDatabases(postgres, 'tierdesk_bench_throughput') : undefined;
  const database: Record<string, string> = databases ? { DATABASE_URL: await databases.create() } : {};
  const desk = await startChild(
    'src/main.ts',
    {
      ...platformEnv,
      PORT: '0',
      DATA_DIR: dataDir,
      KNOWLEDGE_WATCH: 'false',
      JOBS_ENABLED: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      LOCAL_EMBEDDINGS: 'true',
      LOG_LEVEL: 'info',
      ...database,
    },
    /Open (http:\/\/\S+)/,
    // To profile the desk under load: DESK_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    process.env.DESK_NODE_FLAGS?.split(' ').filter(Boolean),
    tree,
  );
  const until = Date.now() + 180_000;
  while (!desk.stderr().includes('article embeddings updated')) {
    if (Date.now() > until || desk.child.exitCode !== null) {
      await desk.stop();
      throw new Error(`the desk did not finish embedding its articles: ${desk.stderr().slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    ...desk,
    stop: async () => {
      await desk.stop();
      await rm(dataDir, { recursive: true, force: true });
      await databases?.dropAll();
    },
  };
}
