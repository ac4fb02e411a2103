/** `npm run eval -- --articles A.jsonl --queries Q.jsonl`: scores search and the answer decision. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../../log.ts';
import type { Article } from '../articles/article.ts';
import { calibrate } from '../calibration/calibrate.ts';
import { labelled } from '../calibration/outcome-label.ts';
import type { Thresholds } from '../decision/decide.ts';
import { embedAll, localModelName } from '../embeddings/local-embedder.ts';
import {
  createKnowledgeBase,
  defaultThresholds,
  type LearnedPhrasing,
  type SentenceVectors,
} from '../knowledge-base.ts';
import { sentencesOf } from '../search/asking-part.ts';
import { loadSynonymFile } from '../search/load-synonyms.ts';
import { noSynonyms, type Synonyms } from '../search/synonyms.ts';
import type { EvalQuery } from './eval-metrics.ts';
import { type Asked, evaluate, sweepTable } from './eval-report.ts';
import { notLearned, readEvalArticles, readEvalQueries } from './eval-set.ts';
import { asLogged, replayAsPeople, summariseOutcomes } from './simulated-person.ts';

const help = `Usage: npm run eval -- --articles A.jsonl --queries Q.jsonl [--answer 0.85] [--clarify 0.55]
       npm run eval -- --set ../shared/eval/stackfaq
       npm run eval -- --set DIR --sweep     (a table: each answer threshold and what it trades)
       npm run eval -- ... --learn DEV.jsonl  (first replay DEV's queries as "helpful" clicks on their gold;
                                              queries identical to a DEV line are then not scored)
       npm run eval -- ... --feedback F.jsonl (first replay F's queries as people would react: 👍 the right
                                              answer, pick it from "Which of these?", else 👎 and "Talk to a
                                              human"; the desk learns from it; lines identical to F's are not
                                              scored; the decision is then calibrated from what they
                                              did, as the desk does; both are summed up on stderr)
       npm run eval -- ... --max-wrong-rate 0.10 (with --feedback: the share of confident answers that may
                                              be wrong, as ANSWER_MAX_WRONG_RATE; --answer still wins)
       npm run eval -- ... --synonyms FILE    (a synonym list; default knowledge/synonyms.txt, "none" for none)
       npm run eval -- ... --embeddings none  (rank by words alone; default "local", the bundled model)

Loads the articles into the same search the desk uses, asks every query, and prints one JSON object:
  queries            number of queries
  p_at_1             in-scope queries (gold not null) whose gold article ranks first
  recall_at_3        in-scope queries whose gold article is in the top 3
  mrr                mean reciprocal rank of the gold article over in-scope queries (0 when not found)
  answered_correct   in-scope queries answered confidently (decision "answer") with the gold article
  wrong_answer_rate  of all confident answers: those with the wrong article or to an out-of-scope query
  oos_declined       out-of-scope queries (gold null) not answered confidently (clarified or declined);
                     null when the set has no out-of-scope queries
Shares are 0..1 rounded to 4 places. Thresholds default to the desk's (ANSWER_MIN_CONFIDENCE,
CLARIFY_MIN_CONFIDENCE defaults).
Files: one JSON object a line. articles: {"id","title","body","questions":[...]}; queries: {"query","gold"}.`;

/**
 * What the knowledge base is built from: the articles, what it learned, and the synonym list; with
 * embeddings, every article's vector and every query's (in the queries' order), computed once per run.
 */
interface Setup {
  articles: Article[];
  learned: LearnedPhrasing[];
  synonyms: Synonyms;
  /**
   * The articles' vectors, the questions' (the feedback's first, then the scored ones), and each sentence's
   * of a question of several, as the desk embeds them.
   */
  vectors?: { articles: number[][]; questions: (number[] | undefined)[]; sentences: SentenceVectors };
}

/** The knowledge base as the desk builds it, with every article's vector when there are embeddings. */
function buildKb({ articles, learned, synonyms, vectors }: Setup) {
  const kb = createKnowledgeBase(
    articles,
    defaultThresholds,
    { learned, unhelpful: [] },
    synonyms,
    vectors ? localModelName : undefined,
  );
  if (vectors) for (const [i, a] of articles.entries()) kb.setVector(a.id, vectors.articles[i] ?? []);
  return kb;
}

/** How the decision is made: the thresholds given (or defaults), and with feedback the desk's own target. */
interface DecisionSettings {
  thresholds: Thresholds;
  /** --answer was given: it wins over the threshold a calibration chooses, as ANSWER_MIN_CONFIDENCE does. */
  answerFixed: boolean;
  maxWrongRate: number;
}

/**
 * Replays the feedback queries as people (the desk learning as it goes) and calibrates the decision from
 * what they did, as the desk's `kb calibrate` does; then asks every scored query once through the desk's
 * own path (`kb.ask`) for its ranked candidates, judged by the curve in use. Returns the thresholds to
 * decide them with.
 */
function askAll(setup: Setup, feedback: EvalQuery[], queries: EvalQuery[], settings: DecisionSettings) {
  const kb = buildKb(setup);
  const vectorOf = (i: number) => setup.vectors?.questions[i];
  const sentenceVectors = setup.vectors?.sentences;
  let { thresholds } = settings;
  if (feedback.length > 0) {
    const outcomes = replayAsPeople(
      kb,
      thresholds,
      feedback.map((q, i) => ({ ...q, vector: vectorOf(i) })),
      sentenceVectors,
    );
    const calibration = calibrate(setup.vectors ? 'meaning' : 'words', labelled(outcomes.map(asLogged)), {
      maxWrongRate: settings.maxWrongRate,
      shippedThreshold: thresholds.answer,
    });
    const answerAt = settings.answerFixed ? thresholds.answer : calibration.threshold;
    if (calibration.method === 'fitted') {
      kb.decideWith({ kind: calibration.kind, curve: calibration.curve, answerAt });
      thresholds = { answer: answerAt, clarify: Math.min(thresholds.clarify, answerAt) };
    }
    const { method, outcomes: fittedOn, reason } = calibration;
    const chosen = { method, outcomes: fittedOn, reason, answer: Math.round(thresholds.answer * 1000) / 1000 };
    console.error(JSON.stringify({ feedback: summariseOutcomes(outcomes), calibration: chosen }));
  }
  const asked: Asked[] = queries.map((q, i) => ({
    gold: q.gold,
    candidates: kb.ask(q.query, vectorOf(feedback.length + i), 'staff', sentenceVectors).candidates,
  }));
  return { asked, thresholds };
}

/** Problems with the input (a bad synonym line, a failed embedding) go to stderr as log lines. */
const log = createLogger('warn');

/** The articles, the questions, and each sentence of a question of several, embedded in one go. */
async function embedEverything(articles: Article[], questions: EvalQuery[]): Promise<Setup['vectors']> {
  const sentences = [...new Set(questions.flatMap((q) => sentencesOf(q.query)).filter((s) => s.length > 0))];
  const texts = questions.map((q) => q.query);
  const embedded = await embedAll(articles, [...texts, ...sentences], log);
  const sentenceVectors = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    const v = embedded.questions[texts.length + i];
    if (v) sentenceVectors.set(s, v);
  });
  return {
    articles: embedded.articles,
    questions: embedded.questions.slice(0, texts.length),
    sentences: sentenceVectors,
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      queries: { type: 'string' },
      set: { type: 'string' },
      answer: { type: 'string' },
      clarify: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      sweep: { type: 'boolean' },
      learn: { type: 'string' },
      feedback: { type: 'string' },
      'max-wrong-rate': { type: 'string', default: '0.10' },
      synonyms: { type: 'string' },
      embeddings: { type: 'string', default: 'local' },
    },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const articlesFile = values.articles ?? (values.set ? join(values.set, 'articles.jsonl') : undefined);
  const queriesFile = values.queries ?? (values.set ? join(values.set, 'queries.jsonl') : undefined);
  if (!articlesFile || !queriesFile) {
    console.error(help);
    return 2;
  }
  if (values.embeddings !== 'local' && values.embeddings !== 'none') {
    console.error('eval: --embeddings is "local" or "none"');
    return 2;
  }
  const articles = readEvalArticles(articlesFile);
  const learnQueries = values.learn ? readEvalQueries(values.learn) : [];
  const feedbackQueries = values.feedback ? readEvalQueries(values.feedback) : [];
  // What was learned or reacted to is not scored: the figures are for the questions the desk was not taught.
  const queries = notLearned(notLearned(readEvalQueries(queriesFile), learnQueries), feedbackQueries);
  const thresholds = {
    answer: values.answer ? Number(values.answer) : defaultThresholds.answer,
    clarify: values.clarify ? Number(values.clarify) : defaultThresholds.clarify,
  };
  // A helpful click teaches the desk that this question asks for that article.
  const learned: LearnedPhrasing[] = learnQueries.flatMap((q) =>
    q.gold ? [{ articleId: q.gold, phrasing: q.query }] : [],
  );
  // The desk's own list unless told otherwise: the figures then describe the product as it ships.
  const synonymsFile = values.synonyms ?? fileURLToPath(new URL('../../../knowledge/synonyms.txt', import.meta.url));
  const synonyms = synonymsFile === 'none' ? noSynonyms : await loadSynonymFile(synonymsFile, log);
  const setup: Setup = {
    articles,
    learned,
    synonyms,
    // The same bundled model the desk embeds with, so the figures describe the desk.
    ...(values.embeddings === 'local'
      ? { vectors: await embedEverything(articles, [...feedbackQueries, ...queries]) }
      : {}),
  };
  const maxWrongRate = Number(values['max-wrong-rate']);
  if (!(maxWrongRate > 0 && maxWrongRate < 1)) {
    console.error('eval: --max-wrong-rate is a share between 0 and 1, e.g. 0.10');
    return 2;
  }
  const decision = { thresholds, answerFixed: values.answer !== undefined, maxWrongRate };
  const { asked, thresholds: decideAt } = askAll(setup, feedbackQueries, queries, decision);
  if (values.sweep) {
    console.log(sweepTable(asked, thresholds.clarify));
    return 0;
  }
  console.log(JSON.stringify(evaluate(asked, decideAt)));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`eval: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
