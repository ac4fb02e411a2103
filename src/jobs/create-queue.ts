import type PgBoss from 'pg-boss';

/** Postgres' code for a transaction it ended to break a deadlock: trying again is the documented answer. */
const deadlockDetected = '40P01';
const attempts = 5;

/**
 * Creates a job's queue, again when Postgres broke a deadlock. pg-boss makes each queue a table of its own
 * outside its lock, so replicas starting together on a new database, creating the same queues at the same
 * moment, deadlock on its tables and one of them would fail to start. A second try finds the queue made.
 */
export async function createQueueOnce(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== deadlockDetected || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}
