/**
 * What the weekly digest reads from the database, as one function: the bench times this. It is the digest's
 * own builder: the week's figures with the week before, the lists, and the knowledge figures.
 */

import { isoWeekOf } from '../src/digests/iso-week.ts';
import type { ArticleSource } from '../src/digests/knowledge-metrics.ts';
import type { Period } from '../src/digests/period.ts';
import { buildWeeklyDigest } from '../src/digests/weekly-digest.ts';
import type { SlaPolicies } from '../src/sla/sla-policy.ts';
import type { Db } from '../src/store/db.ts';

export function digestQueries(db: Db, kb: ArticleSource, period: Period, sla: SlaPolicies) {
  return buildWeeklyDigest({ db, kb, sla, timeZone: period.timeZone }, isoWeekOf(period.from, period.timeZone));
}
