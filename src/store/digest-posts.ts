import { and, eq, lt } from 'drizzle-orm';
import type { Posted } from '../model/identity.ts';
import type { DbOrTx } from './db.ts';
import { digestPosts } from './digest-schema.ts';

/** A claim still `posting` after this long belongs to a process that died mid-post: another may take it over. */
export const staleClaimMs = 15 * 60_000;

/**
 * Claims the right to post `week`'s digest to `place`: true for exactly one caller across processes. A new
 * row is the usual claim; a row left `posting` past `staleClaimMs` is taken over by a conditional update.
 * A `posted` or `failed` week is never claimed again (a failed one waits in the outbox, which retries it).
 */
export async function claimDigestPost(db: DbOrTx, week: string, place: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(digestPosts)
    .values({ week, place, status: 'posting', claimedAt: now })
    .onConflictDoNothing()
    .returning({ id: digestPosts.id });
  if (inserted.length > 0) return true;
  const taken = await db
    .update(digestPosts)
    .set({ claimedAt: now })
    .where(
      and(
        eq(digestPosts.week, week),
        eq(digestPosts.place, place),
        eq(digestPosts.status, 'posting'),
        lt(digestPosts.claimedAt, new Date(now.getTime() - staleClaimMs)),
      ),
    )
    .returning({ id: digestPosts.id });
  return taken.length > 0;
}

/** What became of a claimed post: where it went, or why it did not. */
export async function settleDigestPost(
  db: DbOrTx,
  week: string,
  place: string,
  outcome: { posted: Posted | undefined; at: Date } | { problem: string },
): Promise<void> {
  const set =
    'problem' in outcome
      ? { status: 'failed' as const, problem: outcome.problem }
      : { status: 'posted' as const, postedAt: outcome.at, ...(outcome.posted ? { posted: outcome.posted } : {}) };
  await db
    .update(digestPosts)
    .set(set)
    .where(and(eq(digestPosts.week, week), eq(digestPosts.place, place), eq(digestPosts.status, 'posting')));
}

/** The week's post to each place, as recorded. */
export const digestPostsOf = (db: DbOrTx, week: string) =>
  db.select().from(digestPosts).where(eq(digestPosts.week, week)).orderBy(digestPosts.place);
