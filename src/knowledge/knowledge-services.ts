import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { articleEmbeddingCache } from '../store/article-embeddings.ts';
import { recordArticleSightings } from '../store/article-sightings.ts';
import type { Db } from '../store/db.ts';
import { lessonVotes } from '../store/feedback-lessons.ts';
import { activePhrasings } from '../store/learned-phrasings.ts';
import { createOpenAiSynthesizer } from './answers/openai-synthesizer.ts';
import type { Synthesizer } from './answers/synthesize-answer.ts';
import { noSynthesizer } from './answers/synthesize-answer.ts';
import type { Article } from './articles/article.ts';
import { loadArticles } from './articles/load-articles.ts';
import { watchArticles } from './articles/watch-articles.ts';
import { type DecisionSettings, useLatestCalibration } from './calibration/answer-decision.ts';
import { createArticleVectors } from './embeddings/article-vectors.ts';
import { noEmbedder } from './embeddings/embed-text.ts';
import { createLocalEmbedder } from './embeddings/local-embedder.ts';
import { createOpenAiEmbedder } from './embeddings/openai-embedder.ts';
import { createKnowledgeBase, createReloadableKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { lessonStrength } from './learning/feedback-votes.ts';
import type { OpenAiConfig } from './openai-client.ts';
import { loadSynonyms } from './search/load-synonyms.ts';

export interface KnowledgeSettings {
  dir: string;
  watch: boolean;
  localEmbeddings: boolean;
  thresholds: { answer: number; clarify: number };
  decision: DecisionSettings;
  openai?: OpenAiConfig;
}

/** How often each replica looks for a calibration another one stored (`kb calibrate`, the weekly refit). */
const calibrationPollMs = 60_000;

export interface KnowledgeServices {
  kb: KnowledgeBase;
  reload(): Promise<void>;
  synthesize: Synthesizer;
  embedQuestion(question: string): Promise<readonly number[] | undefined>;
  /** For the start-up line: how answers are written and how questions are ranked. */
  describe: { answers: string; ranking: string };
  stop(): Promise<void>;
}

/**
 * The knowledge base as the desk runs it: articles and synonyms from disk, what people said of answers (and
 * cached embeddings) from the database, rebuilt on every change; embeddings and composed answers if set.
 */
export async function startKnowledge(
  settings: KnowledgeSettings,
  deps: { db: Db; clock: Clock; log: Logger },
): Promise<KnowledgeServices> {
  const { db, clock, log } = deps;
  // An OpenAI embedding model when one is set, else the bundled model unless turned off; with neither,
  // nothing is embedded and no call is made.
  const openAiModel = settings.openai?.embeddingModel;
  const embedder =
    settings.openai && openAiModel
      ? createOpenAiEmbedder(settings.openai, openAiModel, log)
      : settings.localEmbeddings
        ? createLocalEmbedder(log)
        : noEmbedder;
  const vectors = createArticleVectors(embedder, articleEmbeddingCache(db, clock), log);
  const build = async (articles: Article[]) => {
    // When each article was first live, for the knowledge metrics ("published this week, answered n since").
    await recordArticleSightings(
      db,
      articles.map((a) => a.id),
      clock.now(),
    );
    const next = createKnowledgeBase(
      articles,
      settings.thresholds,
      { learned: await activePhrasings(db), unhelpful: lessonsInForce(await lessonVotes(db)) },
      await loadSynonyms(settings.dir, log),
      embedder.kind === 'none' ? undefined : embedder.model,
    );
    await vectors.attach(next, articles);
    return next;
  };
  const kb = createReloadableKnowledgeBase(await build(await loadArticles(settings.dir, log)));
  log.info('knowledge base loaded', { articles: kb.size, dir: settings.dir });
  // The decision the desk calibrated last, on whichever replica: used from the first question on.
  const calibration = { db, clock, log, kb };
  let inUse = (await useLatestCalibration(calibration, settings.decision))?.id;
  const poll = setInterval(() => {
    useLatestCalibration(calibration, settings.decision).then(
      (stored) => {
        if (stored && stored.id !== inUse)
          log.info('answer decision updated', { id: stored.id, method: stored.method });
        inUse = stored?.id;
      },
      (err: unknown) => log.warn('answer decision check failed', { err }),
    );
  }, calibrationPollMs);
  poll.unref();
  const watcher = settings.watch
    ? watchArticles(settings.dir, log, (articles) => {
        build(articles).then(kb.replace, (err: unknown) => log.error('knowledge base rebuild failed', { err }));
      })
    : undefined;
  // No key, no model: the "none" synthesizer never touches the network.
  const synthesize = settings.openai ? createOpenAiSynthesizer(settings.openai, log) : noSynthesizer;
  return {
    kb,
    reload: async () => kb.replace(await build(await loadArticles(settings.dir, log))),
    synthesize,
    embedQuestion: vectors.embedQuestion,
    describe: {
      answers: synthesize.kind === 'openai' ? `composed by ${settings.openai?.model}` : 'articles',
      ranking: embedder.kind === 'none' ? 'words' : `words and meaning (${embedder.kind}: ${embedder.model})`,
    },
    async stop() {
      clearInterval(poll);
      watcher?.close();
      await vectors.stop();
    },
  };
}

/** What 👎 taught that the votes still hold, with its weight. */
const lessonsInForce = (lessons: Awaited<ReturnType<typeof lessonVotes>>) =>
  lessons.flatMap((l) => {
    const strength = lessonStrength(l);
    return strength > 0 ? [{ articleId: l.articleId, question: l.question, strength }] : [];
  });
