import type { JobSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { claimDigestPost, settleDigestPost } from '../store/digest-posts.ts';
import { deskDigestMessage } from './digest-message.ts';
import { latestDigestTime, reportedWeek } from './digest-schedule.ts';
import type { DigestSettings } from './digest-settings.ts';

/** A digest missed at its time (the desk was down on Monday morning) still goes out within this. */
const graceMs = 24 * 3_600_000;

export interface DigestRun {
  week?: string;
  posted: string[];
  failed: { place: string; problem: string }[];
}

/**
 * Each minute: once DIGEST_CRON's time has come, post the week before it to every place that has not had it.
 * Each (week, place) is claimed in the store first, so replicas and re-runs post it once; the digest is built
 * only when some place is still owed it.
 */
export async function postDueDigests(ctx: DeskContext, settings: DigestSettings): Promise<DigestRun> {
  const run: DigestRun = { posted: [], failed: [] };
  if (settings.places.length === 0) return run;
  const now = ctx.clock.now();
  const due = latestDigestTime(settings.cron, settings.timeZone, now);
  if (now.getTime() - due.getTime() > graceMs) return run;
  const week = reportedWeek(due, settings.timeZone);
  run.week = week;
  let message: Message | undefined;
  for (const place of settings.places) {
    if (!(await claimDigestPost(ctx.db, week, place, now))) continue;
    message ??= await deskDigestMessage(ctx, settings, week, now);
    const sent = await ctx.delivery.toPlace(place, message, 'weekly digest', { week, place });
    if (sent.ok) {
      await settleDigestPost(ctx.db, week, place, { posted: sent.posted, at: ctx.clock.now() });
      ctx.log.info('weekly digest posted', { week, place });
      run.posted.push(place);
    } else {
      // Kept in the outbox, it is still retried there; either way this week's claim stands.
      const problem = `${sent.problem ?? sent.reason}${sent.queued ? ' (kept; the outbox retries it)' : ''}`;
      await settleDigestPost(ctx.db, week, place, { problem });
      run.failed.push({ place, problem });
    }
  }
  return run;
}

export const digestJob = (settings: DigestSettings): JobSpec => ({
  name: 'weekly-digest',
  cron: '* * * * *',
  run: (ctx) => postDueDigests(ctx, settings),
});
