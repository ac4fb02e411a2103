/** Each query of the digest on its own, for the bench's breakdown: which ones an index would help. */
import { measureAdoption } from '../src/digests/adoption-metrics.ts';
import { overdueReviews, publishedArticles } from '../src/digests/article-lifecycle.ts';
import { measureDeflection } from '../src/digests/deflection-metrics.ts';
import { measureEscalations } from '../src/digests/escalation-metrics.ts';
import type { ArticleSource } from '../src/digests/knowledge-metrics.ts';
import type { Period } from '../src/digests/period.ts';
import { measurePulse } from '../src/digests/pulse-metrics.ts';
import { helpfulArticles, topQuestions } from '../src/digests/question-metrics.ts';
import { measureSatisfaction } from '../src/digests/satisfaction-metrics.ts';
import { measureSla } from '../src/digests/sla-metrics.ts';
import { measureStaffing } from '../src/digests/staff-metrics.ts';
import { measureTicketCounts } from '../src/digests/ticket-count-metrics.ts';
import { measureTicketTimes } from '../src/digests/ticket-time-metrics.ts';
import { clusterGaps } from '../src/knowledge/learning/gap-clusters.ts';
import type { SlaPolicies } from '../src/sla/sla-policy.ts';
import type { Db } from '../src/store/db.ts';
import { listGapQuestions } from '../src/store/gap-questions.ts';

export function digestParts(
  db: Db,
  kb: ArticleSource,
  period: Period,
  sla: SlaPolicies,
): Record<string, () => Promise<unknown>> {
  return {
    adoption: () => measureAdoption(db, period),
    deflection: () => measureDeflection(db, period),
    ticketCounts: () => measureTicketCounts(db, period),
    escalations: () => measureEscalations(db, period),
    ticketTimes: () => measureTicketTimes(db, period, sla),
    sla: () => measureSla(db, period),
    satisfaction: () => measureSatisfaction(db, period),
    pulse: () => measurePulse(db, period),
    staffing: () => measureStaffing(db),
    topQuestions: () => topQuestions(db, period, 10),
    gapQuestions: () => listGapQuestions(db, period.from, 5000, { until: period.to }),
    gapClusters: async () => clusterGaps(await listGapQuestions(db, period.from, 5000, { until: period.to })),
    helpfulArticles: () => helpfulArticles(db, period, { top: 5, minVotes: 3 }, (id) => kb.get(id)),
    overdueReviews: async () => overdueReviews(kb.articles(), period),
    published: () => publishedArticles(db, kb.articles(), period),
  };
}
