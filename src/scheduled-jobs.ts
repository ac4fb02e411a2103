import type { Registry } from './commands/registry.ts';
import type { Desk } from './desk.ts';
import type { DeskContext } from './desk-context.ts';
import type { Job } from './jobs/job-runner.ts';
import { pruneDeliveries } from './store/deliveries.ts';

/**
 * The desk's own scheduled work, beside its features': taking over events whose desk died handling them,
 * and forgetting, once a day, deliveries too old for any platform to send again (store/deliveries.ts).
 */
const deskJobs = [
  { name: 'lost-deliveries', cron: '* * * * *' },
  { name: 'old-deliveries', cron: '30 3 * * *' },
] as const;

type DeskJobName = (typeof deskJobs)[number]['name'];

/** Every job a desk with these features schedules, by name: what replicas and tests check runs once. */
export function scheduledJobNames(registry: Pick<Registry, 'jobs'>): string[] {
  return [...registry.jobs.map((j) => j.name), ...deskJobs.map((j) => j.name)];
}

/** Every scheduled job of a desk, ready to run: each feature's, and the desk's own. */
export function scheduledJobs(registry: Registry, ctx: DeskContext, desk: Desk): Job[] {
  const runs: Record<DeskJobName, () => Promise<unknown>> = {
    'lost-deliveries': () => desk.recover(),
    'old-deliveries': async () => {
      const forgotten = await pruneDeliveries(ctx.db);
      if (forgotten > 0) ctx.log.info('old deliveries forgotten', { deliveries: forgotten });
      return forgotten;
    },
  };
  return [
    ...registry.jobs.map((job) => ({ ...job, run: () => job.run(ctx) })),
    ...deskJobs.map((job) => ({ ...job, run: runs[job.name] })),
  ];
}
