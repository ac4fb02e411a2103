import type { Feature } from '../commands/feature.ts';
import { deliveriesCommand } from './deliveries-command.ts';

/**
 * Messages a platform did not take wait in the outbox (`outbound_messages`); this job tries the due ones
 * again every minute, with Delivery's back-off, until they go out or are given up a day later. Admins see
 * what waits with `deliveries`.
 */
export const outboxRetryFeature: Feature = {
  name: 'outbox retry',
  commands: [deliveriesCommand],
  jobs: [{ name: 'outbox-retry', cron: '* * * * *', run: (ctx) => ctx.delivery.retryDue() }],
};
