/**
 * The composition root: the only module that reads `process.env` and the only one that sees both the
 * desk and the adapters. `npm start` runs it; tests call `startApp` with their own store and clock.
 */
import type { FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { mountLocal } from '../adapters/local/index.ts';
import { mountSlack } from '../adapters/slack/index.ts';
import { mountTeams } from '../adapters/teams/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Config, type Env, loadConfig } from './config.ts';
import { createDesk, type Desk } from './desk.ts';
import type { DeskContext } from './desk-context.ts';
import { ConfigError } from './errors.ts';
import { createHttpServer, type Route, sendJson } from './http/http-server.ts';
import { type Jobs, startJobs } from './jobs/job-runner.ts';
import { createOpenAiSynthesizer } from './knowledge/answers/openai-synthesizer.ts';
import { noSynthesizer } from './knowledge/answers/synthesize-answer.ts';
import type { Article } from './knowledge/articles/article.ts';
import { loadArticles } from './knowledge/articles/load-articles.ts';
import { watchArticles } from './knowledge/articles/watch-articles.ts';
import { createArticleVectors } from './knowledge/embeddings/article-vectors.ts';
import { noEmbedder } from './knowledge/embeddings/embed-text.ts';
import { createLocalEmbedder } from './knowledge/embeddings/local-embedder.ts';
import { createOpenAiEmbedder } from './knowledge/embeddings/openai-embedder.ts';
import { createKnowledgeBase, createReloadableKnowledgeBase, type KnowledgeBase } from './knowledge/knowledge-base.ts';
import { loadSynonyms } from './knowledge/search/load-synonyms.ts';
import { createLogger, type Logger } from './log.ts';
import type { Outbox, Outboxes } from './outbox.ts';
import { defaultSlaPolicies, type SlaPolicies } from './sla/sla-policy.ts';
import { parseSlaPolicies, SlaPolicyError } from './sla/sla-policy-file.ts';
import { type SweepReport, sweepTickets } from './sla/sla-sweep.ts';
import { articleEmbeddingCache } from './store/article-embeddings.ts';
import { findConversationReference, saveConversationReference } from './store/conversation-references.ts';
import { unhelpfulPairings } from './store/interactions.ts';
import { activePhrasings } from './store/learned-phrasings.ts';
import { openStore, type Store } from './store/open-store.ts';
import { ensureAdmins } from './store/people.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  clock?: Clock;
  log: Logger;
}

export interface App {
  url: string;
  server: Server;
  desk: Desk;
  kb: KnowledgeBase;
  /** Which front doors are open, e.g. `local chat`, `Slack (HTTP, /slack/events)`. */
  adapters: string[];
  /** Each connected platform's outbox, for proactive messages. */
  outboxes: Outboxes;
  /** Resolves once every event already received has been handled. */
  idle(): Promise<void>;
  /** Scheduled work, when JOBS_ENABLED. */
  jobs?: Jobs;
  /** One SLA sweep, now, in this process: what the scheduled job runs. */
  sweep(): Promise<SweepReport>;
  close(): Promise<void>;
}

export async function startApp({ config, store, clock = systemClock, log }: AppDeps): Promise<App> {
  await store.migrate();
  await ensureAdmins(store.db, config.admins);
  // An OpenAI embedding model when one is set, else the bundled model unless turned off; with neither,
  // nothing is embedded and no call is made.
  const openAiModel = config.openai?.embeddingModel;
  const embedder =
    config.openai && openAiModel
      ? createOpenAiEmbedder(config.openai, openAiModel, log)
      : config.localEmbeddings
        ? createLocalEmbedder(log)
        : noEmbedder;
  const vectors = createArticleVectors(embedder, articleEmbeddingCache(store.db, clock), log);
  // Articles and the synonym list come from disk, what people said of answers (and cached embeddings) from
  // the database; any reload brings all.
  const build = async (articles: Article[]) => {
    const next = createKnowledgeBase(
      articles,
      config.thresholds,
      { learned: await activePhrasings(store.db), unhelpful: await unhelpfulPairings(store.db) },
      await loadSynonyms(config.knowledgeDir, log),
      embedder.kind === 'none' ? undefined : embedder.model,
    );
    await vectors.attach(next, articles);
    return next;
  };
  const kb = createReloadableKnowledgeBase(await build(await loadArticles(config.knowledgeDir, log)));
  const reloadKnowledge = async () => kb.replace(await build(await loadArticles(config.knowledgeDir, log)));
  log.info('knowledge base loaded', { articles: kb.size, dir: config.knowledgeDir });
  let watcher: FSWatcher | undefined;
  if (config.knowledgeWatch) {
    watcher = watchArticles(config.knowledgeDir, log, (articles) => {
      build(articles).then(kb.replace, (err: unknown) => log.error('knowledge base rebuild failed', { err }));
    });
  }

  // Each adapter mounts routes and brings its platform's outbox; the desk only sees the outboxes.
  const outboxes: Record<string, Outbox> = {};
  const sla = config.slaPoliciesFile ? await loadSlaPolicies(config.slaPoliciesFile) : defaultSlaPolicies;
  const ctx: DeskContext = {
    db: store.db,
    kb,
    reloadKnowledge,
    knowledgeDir: config.knowledgeDir,
    // No key, no model: the "none" synthesizer never touches the network.
    synthesize: config.openai ? createOpenAiSynthesizer(config.openai, log) : noSynthesizer,
    embedQuestion: vectors.embedQuestion,
    outboxes,
    clock,
    log,
    queues: config.queues,
    sla,
    timers: config.timers,
  };
  const desk = createDesk(ctx);
  const local = mountLocal(desk);
  outboxes.local = local.outbox;
  const adapters = ['local chat'];
  const slack = config.slack ? mountSlack(desk, config.slack, log) : undefined;
  if (slack) {
    outboxes.slack = slack.outbox;
    adapters.push(slack.mode === 'socket' ? 'Slack (Socket Mode)' : 'Slack (HTTP, /slack/events)');
  }
  const teams = config.teams
    ? mountTeams(desk, config.teams, log, {
        save: (key, reference) => saveConversationReference(store.db, 'teams', key, reference, clock.now()),
        find: (key) => findConversationReference(store.db, 'teams', key),
      })
    : undefined;
  if (teams) {
    outboxes.teams = teams.outbox;
    adapters.push(teams.authenticated ? 'Teams (/api/messages)' : 'Teams (/api/messages, UNAUTHENTICATED)');
  }
  const health: Route = {
    method: 'GET',
    path: '/healthz',
    handle: (_req, res) => sendJson(res, 200, { status: 'ok' }),
  };
  const server = createHttpServer([health, ...local.routes, ...(slack?.routes ?? []), ...(teams?.routes ?? [])], log);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  await slack?.start();
  const { port } = server.address() as AddressInfo;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}/`;
  log.info('adapters on', {
    adapters,
    answers: ctx.synthesize.kind === 'openai' ? `composed by ${config.openai?.model}` : 'articles',
    ranking: embedder.kind === 'none' ? 'words' : `words and meaning (${embedder.kind}: ${embedder.model})`,
  });
  const jobs = config.jobs.enabled
    ? await startJobs({
        connection: store.jobConnection,
        log,
        slaSweepCron: config.jobs.slaSweepCron,
        sweep: () => sweepTickets(ctx),
      })
    : undefined;
  const idle = async () => {
    await slack?.idle();
  };
  return {
    url,
    server,
    desk,
    kb,
    adapters,
    outboxes,
    idle,
    ...(jobs ? { jobs } : {}),
    sweep: () => sweepTickets(ctx),
    async close() {
      watcher?.close();
      // Stop taking requests, let work already received finish, then drop idle keep-alive connections.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await idle();
      await vectors.stop();
      await jobs?.stop();
      await slack?.stop();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A bad SLA file stops start-up the way bad configuration does, naming what is wrong in it. */
async function loadSlaPolicies(file: string): Promise<SlaPolicies> {
  try {
    return parseSlaPolicies(await readFile(file, 'utf8'));
  } catch (err) {
    if (err instanceof SlaPolicyError)
      throw new ConfigError(err.problems.map((p) => `SLA_POLICIES_FILE (${file}): ${p}`));
    throw new ConfigError([`SLA_POLICIES_FILE: cannot read ${file}: ${(err as Error).message}`]);
  }
}

/** Reads the environment (plus overrides), opens the store and starts everything. */
export async function bootFromEnvironment(overrides: Env = {}): Promise<App & { log: Logger }> {
  const config = loadConfig({ ...process.env, ...overrides });
  const log = createLogger(config.logLevel);
  const store = await openStore(config);
  try {
    const app = await startApp({ config, store, log });
    return {
      ...app,
      log,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** Where `npm start` would be listening with the current environment (the terminal chat looks there first). */
export function configuredBaseUrl(): string {
  const config = loadConfig(process.env);
  return `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
}

async function runFromCommandLine(argv: string[]): Promise<void> {
  try {
    if (argv.includes('--migrate-only')) {
      const config = loadConfig(process.env);
      const store = await openStore(config);
      await store.migrate();
      await store.close();
      console.log(`Migrations applied (${store.kind}).`);
      return;
    }
    const app = await bootFromEnvironment();
    console.log(`Tierdesk is running (${app.adapters.join(', ')}). Open ${app.url} to chat with the desk.`);
    const stop = async (signal: string) => {
      app.log.info('shutting down', { signal });
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      console.error('Tierdesk could not start: the port is already in use. Stop the other process or set PORT.');
    else console.error('Tierdesk could not start:', err);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFromCommandLine(process.argv.slice(2));
}
