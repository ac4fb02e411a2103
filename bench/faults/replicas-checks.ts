/**
 * What the `replicas` scenario reads besides the due work: how the migrations were applied, whether a desk
 * serves, and each job's runs as pg-boss recorded them (whichever replica ran them).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/store/db.ts';

const journal = JSON.parse(readFileSync(new URL('../../migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
  entries: unknown[];
};

/** Rows in drizzle's migrations table, how many migrations there are, and how many were applied twice. */
export async function migrationCounts(db: Db) {
  const rows = (await db.execute(
    sql`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`,
  )) as unknown as { n: number }[];
  return {
    rows: rows.reduce((n, r) => n + r.n, 0),
    expected: journal.entries.length,
    repeated: rows.filter((r) => r.n > 1).length,
  };
}

/** Whether the desk at `url` answers /healthz with 200 and a chat message with a reply. */
export async function serves(url: string): Promise<boolean> {
  try {
    const health = await fetch(new URL('/healthz', url));
    const res = await fetch(new URL('/api/local/messages', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'probe', text: 'help' }),
    });
    const { messages } = (await res.json()) as { messages?: unknown[] };
    return health.status === 200 && res.status === 200 && (messages?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

export interface JobRunsSeen {
  /** Runs started since then that completed. */
  completed: number;
  failed: number;
  /** Runs of the job (ever) that were active at the same time as another: a singleton queue allows none. */
  overlapping: number;
}

export async function jobRunsSince(db: Db, jobs: string[], since: Date): Promise<Map<string, JobRunsSeen>> {
  const rows = (await db.execute(sql`
    select name, state, started_on as "startedOn", completed_on as "completedOn" from pgboss.job
    where name in ${jobs} and started_on is not null order by name, started_on`)) as unknown as {
    name: string;
    state: string;
    startedOn: Date;
    completedOn: Date | null;
  }[];
  const seen = new Map<string, JobRunsSeen>(jobs.map((j) => [j, { completed: 0, failed: 0, overlapping: 0 }]));
  let last: { name: string; until: number } | undefined;
  for (const row of rows) {
    const job = seen.get(row.name);
    if (!job) continue;
    const started = new Date(row.startedOn).getTime();
    if (started >= since.getTime() && row.state === 'completed') job.completed++;
    if (started >= since.getTime() && row.state === 'failed') job.failed++;
    if (last?.name === row.name && started < last.until) job.overlapping++;
    const until = row.completedOn ? new Date(row.completedOn).getTime() : Number.POSITIVE_INFINITY;
    last = { name: row.name, until: Math.max(until, last?.name === row.name ? last.until : 0) };
  }
  return seen;
}

/** The jobs the desks scheduled, as pg-boss keeps them: the desk's own list, so none can be left out here. */
export async function scheduledJobs(db: Db): Promise<{ name: string; cron: string }[]> {
  return (await db.execute(sql`select name, cron from pgboss.schedule order by name`)) as unknown as {
    name: string;
    cron: string;
  }[];
}
