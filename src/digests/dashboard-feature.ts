import { slipOrQuestion } from '../commands/arguments.ts';
import { defineCommand, type Feature } from '../commands/feature.ts';
import { dashboardCopy } from '../messages/dashboard-copy.ts';
import type { LinkSigner } from '../signed-link.ts';

/** How long a dashboard link opens the page: long enough to read it, short enough that a forwarded one dies. */
export const dashboardLinkHours = 1;
const c = dashboardCopy.command;

/**
 * `dashboard`, for leads and admins: a signed link to the web dashboard, sent privately, never in the place
 * it was asked (a channel would hand everyone in it an hour of the CoE's figures).
 */
export function dashboardFeature(links: LinkSigner): Feature {
  const command = defineCommand<{ name: 'dashboard' }>({
    name: 'dashboard',
    usage: c.usage,
    audience: 'overseers',
    refusal: { log: 'dashboard link refused', text: { overseers: c.refused } },
    // "dashboard lights on my car" is a question; "/dashboard now" is a slip.
    parse: (args, explicit) => (args.trim() === '' ? { name: 'dashboard' } : slipOrQuestion(explicit)),
    async run(ctx, person) {
      if (!ctx.publicUrl) return { text: c.noPublicUrl };
      const expiresAt = new Date(ctx.clock.now().getTime() + dashboardLinkHours * 3_600_000);
      const url = `${ctx.publicUrl}${links.sign('/dashboard', expiresAt)}`;
      const sent = await ctx.delivery.toPerson(person, { text: c.dm(url) }, 'dashboard link');
      if (sent.ok) return { text: c.sent };
      const why = sent.problem ?? sent.reason.replace('_', ' ');
      return { text: sent.queued ? c.queued(why) : c.notSent(why) };
    },
  });
  return { name: 'dashboard', commands: [command] };
}
