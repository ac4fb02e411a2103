import { normalizedWording } from '../../model/wording.ts';
import type { LoggedQuestion } from '../calibration/outcome-label.ts';
import { decide, type Thresholds } from '../decision/decide.ts';
import type { KnowledgeBase, SentenceVectors } from '../knowledge-base.ts';
import { lessonStrength } from '../learning/feedback-votes.ts';
import type { EvalQuery } from './eval-metrics.ts';

/**
 * What a person does next, as `--feedback` plays them: 👍 when the answer is the article that answers them; a
 * pick of that article when "Which of these?" offers it; otherwise 👎 on a wrong answer, and "Talk to a
 * human" (always, when nothing in the knowledge base answers them).
 */
export type Reaction = 'helpful' | 'picked' | 'unhelpful' | 'human';

export interface Outcome {
  query: string;
  gold: string | null;
  decision: 'answer' | 'clarify' | 'decline';
  /** The top candidate's confidence, and its article: what a calibration reads. */
  confidence: number;
  top: string | undefined;
  features: readonly number[];
  /** What the person did, in order: a 👎 is followed by "Talk to a human". */
  reactions: Reaction[];
}

/**
 * Asks each query as a person would and reacts to what the desk said, teaching the knowledge base as the
 * desk's buttons do (a 👍 or a pick learns the wording for the article; a 👎 ranks that article lower for the
 * wording), one question after another, so later questions meet what earlier ones taught.
 */
export function replayAsPeople(
  kb: KnowledgeBase,
  thresholds: Thresholds,
  queries: readonly (EvalQuery & { vector?: readonly number[] | undefined })[],
  sentenceVectors?: SentenceVectors,
): Outcome[] {
  // Each line is another person; what 👎 taught is weighed by their votes, as the desk weighs them.
  const lessons = new Map<string, { against: Set<number>; confirmed: Set<number> }>();
  const vote = (articleId: string, question: string, person: number, unhelpful: boolean) => {
    const key = `${articleId}\u0000${normalizedWording(question)}`;
    let lesson = lessons.get(key);
    if (!lesson && !unhelpful) return;
    if (!lesson) {
      lesson = { against: new Set(), confirmed: new Set() };
      lessons.set(key, lesson);
    }
    (unhelpful ? lesson.against : lesson.confirmed).add(person);
    const votes = { against: lesson.against.size, confirmed: lesson.confirmed.size };
    kb.penalise(articleId, question, lessonStrength(votes));
  };
  return queries.map((q, person) => {
    const { candidates } = kb.ask(q.query, q.vector, 'staff', sentenceVectors);
    const decision = decide(candidates, thresholds);
    const top = candidates[0];
    const reactions: Reaction[] = [];
    if (decision.kind === 'answer' && q.gold !== null && decision.best.article.id === q.gold) {
      reactions.push('helpful');
      kb.learn(q.gold, q.query);
      vote(q.gold, q.query, person, false);
    } else if (
      decision.kind === 'clarify' &&
      q.gold !== null &&
      decision.choices.some((c) => c.article.id === q.gold)
    ) {
      reactions.push('picked');
      kb.learn(q.gold, q.query);
      vote(q.gold, q.query, person, false);
    } else {
      if (decision.kind === 'answer') {
        reactions.push('unhelpful');
        vote(decision.best.article.id, q.query, person, true);
      }
      reactions.push('human');
    }
    return {
      query: q.query,
      gold: q.gold,
      decision: decision.kind,
      confidence: top?.confidence ?? 0,
      top: top?.article.id,
      features: top?.features ?? [],
      reactions,
    };
  });
}

/** How the replay went, in counts: what `--feedback` reports on stderr beside the usual JSON. */
export function summariseOutcomes(outcomes: readonly Outcome[]) {
  const count = (r: Reaction) => outcomes.filter((o) => o.reactions.includes(r)).length;
  return {
    replayed: outcomes.length,
    helpful: count('helpful'),
    picked: count('picked'),
    unhelpful: count('unhelpful'),
    human: count('human'),
  };
}

/** What the desk would have logged of the replayed question: what the calibration is fitted from. */
export function asLogged(o: Outcome): LoggedQuestion {
  return {
    decision: o.decision,
    features: o.features,
    top: o.top,
    helpful: o.reactions.includes('helpful') ? true : o.reactions.includes('unhelpful') ? false : null,
    picked: o.reactions.includes('picked') ? (o.gold ?? undefined) : undefined,
    human: o.reactions.includes('human'),
  };
}
