import type { Feature } from '../commands/feature.ts';
import { type SweepTimers, sweepTickets } from './sweep.ts';

/** The SLA monitor as scheduled work: one sweep job on `cron`, with the timers it closes and reminds by. */
export function slaMonitorFeature(settings: { cron: string; timers: SweepTimers }): Feature {
  return {
    name: 'sla monitor',
    jobs: [{ name: 'sla-sweep', cron: settings.cron, run: (ctx) => sweepTickets(ctx, settings.timers) }],
  };
}
