/**
 * What the weekly digest reads from the database, as one function: the bench times this. It is the week's
 * figures with the week before (`measureWithPrevious`) and the knowledge figures; the digest's own builder
 * takes its place once it exists.
 */
import { type ArticleSource, measureKnowledge } from '../src/digests/knowledge-metrics.ts';
import type { Period } from '../src/digests/period.ts';
import { measureWithPrevious } from '../src/digests/week-over-week.ts';
import type { SlaPolicies } from '../src/sla/sla-policy.ts';
import type { Db } from '../src/store/db.ts';

export async function digestQueries(db: Db, kb: ArticleSource, period: Period, sla: SlaPolicies) {
  const comparison = await measureWithPrevious(db, period, sla);
  const knowledge = await measureKnowledge(db, kb, period);
  return { comparison, knowledge };
}
