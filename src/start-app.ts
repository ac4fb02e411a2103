import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from './clock.ts';
import { createRegistry } from './commands/registry.ts';
import type { Config } from './config.ts';
import { createDelivery } from './delivery.ts';
import { createDesk, type Desk } from './desk.ts';
import type { DeskContext } from './desk-context.ts';
import { deskFeatures } from './features.ts';
import { trendChartImage } from './http/chart-route.ts';
import { coeRoutes } from './http/coe-routes.ts';
import { createSessions } from './http/dashboard-session.ts';
import { registerDatabaseGauges } from './http/database-gauges.ts';
import { createImageSource } from './http/desk-images.ts';
import { healthRoute } from './http/health-route.ts';
import { createHttpServer } from './http/http-server.ts';
import { createPrometheusMeter } from './http/prometheus-meter.ts';
import { type Jobs, startJobs } from './jobs/job-runner.ts';
import { articlePageRoute } from './knowledge/article-page/article-route.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { startKnowledge } from './knowledge/knowledge-services.ts';
import type { Logger } from './log.ts';
import { mountPlatforms } from './mount-platforms.ts';
import type { Outbox, Outboxes } from './outbox.ts';
import type { Platform } from './platform.ts';
import { scheduledJobs } from './scheduled-jobs.ts';
import { createLinkSigner, type LinkSigner } from './signed-link.ts';
import { readSlaPolicies } from './sla/read-sla-policies.ts';
import { type SweepReport, sweepTickets } from './sla-monitor/sweep.ts';
import { deskKey } from './store/desk-keys.ts';
import { jobCompletions, recordJobRun } from './store/job-runs.ts';
import type { Store } from './store/open-store.ts';
import { ensureAdmins } from './store/people.ts';
import { defaultSurveySettings } from './surveys/surveys-feature.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  clock?: Clock;
  log: Logger;
  /** Every platform the desk can speak on; those configured in `config` are mounted. */
  platforms: readonly Platform[];
}

export interface App {
  url: string;
  server: Server;
  desk: Desk;
  kb: KnowledgeBase;
  /** Signs and checks the desk's expiring links (chart images, dashboard logins) with its own key. */
  links: LinkSigner;
  /** Which front doors are open, e.g. `local chat`, `Slack (HTTP, /slack/events)`. */
  adapters: string[];
  /** Each connected platform's outbox. */
  outboxes: Outboxes;
  /** Resolves once every event already received has been handled. */
  idle(): Promise<void>;
  /** Scheduled work, when JOBS_ENABLED. */
  jobs?: Jobs;
  /** One SLA sweep, now, in this process: what the scheduled job runs. */
  sweep(): Promise<SweepReport>;
  /** One registered job (`outbox-retry`), now, in this process, without the job queue. */
  runJob(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * How long a shutdown waits for requests being answered: longer than a composed answer may take
 * (OPENAI_TIMEOUT_MS, 8 s by default), shorter than a supervisor's patience before SIGKILL (often 30 s).
 */
const shutdownGraceMs = 15_000;

/** Wires the desk to its store, knowledge, features and platforms, and serves them on one HTTP server. */
export async function startApp({ config, store, clock = systemClock, log, platforms }: AppDeps): Promise<App> {
  const migrating = performance.now();
  await store.migrate();
  log.debug('migrations applied', { ms: Math.round(performance.now() - migrating) });
  await ensureAdmins(store.db, config.admins);
  // Signs the links to the desk's charts and dashboard; every replica reads the same key.
  const links = createLinkSigner(await deskKey(store.db, 'links'));
  const charts = { db: store.db, links, timeZone: config.coeTimeZone, now: () => clock.now() };
  // Slack uploads the digest's chart as a file: it reads the picture here, not over the network.
  const images = createImageSource([trendChartImage(charts)], links, () => clock.now());
  const knowledge = await startKnowledge(
    {
      dir: config.knowledgeDir,
      watch: config.knowledgeWatch,
      localEmbeddings: config.localEmbeddings,
      thresholds: config.thresholds,
      decision: config.decision,
      ...(config.openai ? { openai: config.openai } : {}),
    },
    { db: store.db, clock, log },
  );
  // Each platform brings its outbox once mounted; features only ever see Delivery.
  const outboxes: Record<string, Outbox> = {};
  const dashboardSessions = createSessions(createLinkSigner(await deskKey(store.db, 'dashboard-session')));
  const registry = createRegistry(
    deskFeatures({
      decision: config.decision,
      slaSweepCron: config.jobs.slaSweepCron,
      calibrationCron: config.jobs.calibrationCron,
      timers: config.timers,
      log,
      digests: { ...config.digest, timeZone: config.coeTimeZone, links },
      links,
      surveys: {
        ...defaultSurveySettings,
        ...config.surveys,
        timeZone: config.coeTimeZone,
        ...(config.openai ? { openai: config.openai } : {}),
      },
    }),
  );
  // What Delivery could not send waits in the store; a message carrying `remember` is kept where it went.
  let desk: Desk | undefined;
  const prometheus = createPrometheusMeter();
  registerDatabaseGauges(prometheus.registry, store.db);
  const { meter } = prometheus;
  const delivery = createDelivery(
    outboxes,
    log,
    { db: store.db, clock, remembered: async (remember, posted) => desk?.record(remember, posted) },
    meter,
  );
  const ctx: DeskContext = {
    db: store.db,
    clock,
    log,
    meter,
    delivery,
    kb: knowledge.kb,
    reloadKnowledge: knowledge.reload,
    draftsDir: config.draftsDir,
    synthesize: knowledge.synthesize,
    embedQuestion: knowledge.embedQuestion,
    queues: config.queues,
    sla: await readSlaPolicies(config.slaPoliciesFile),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    async ticketChanged(change) {
      for (const listen of registry.ticketListeners) {
        // The change stands whatever a listener does: its failure is its own, logged once.
        await listen(ctx, change).catch((err: unknown) =>
          log.error('ticket listener failed', { ticket: change.ticket.id, err }),
        );
      }
    },
  };
  desk = createDesk(ctx, registry, { perPersonPerMinute: config.rateLimitPerMinute });
  const named = await mountPlatforms(platforms, config, { desk, log, images, db: store.db, clock, outboxes });
  const mounted = [...named.values()];
  // Started once the server listens; /healthz asks it what is overdue from then on.
  let jobs: Jobs | undefined;
  const server = createHttpServer(
    [
      healthRoute(named, () => jobs?.problems() ?? {}),
      articlePageRoute(knowledge.kb),
      ...coeRoutes({
        db: store.db,
        sla: ctx.sla,
        kb: knowledge.kb,
        clock,
        log,
        timeZone: config.coeTimeZone,
        publicUrl: config.publicUrl,
        dashboardToken: config.dashboardToken,
        metricsToken: config.metricsToken,
        links,
        sessions: dashboardSessions,
        charts,
        prometheus,
      }),
      ...mounted.flatMap((m) => m.routes),
    ],
    log,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  try {
    for (const m of mounted) await m.start();
  } catch (err) {
    // A platform that cannot start (Slack refusing the token) stops start-up: close what is already open.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await knowledge.stop();
    for (const m of mounted) await m.stop().catch(() => undefined);
    throw err;
  }
  const scheduled = scheduledJobs(registry, ctx, desk);
  const { port } = server.address() as AddressInfo;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  const adapters = mounted.map((m) => m.label);
  log.info('adapters on', { adapters, ...knowledge.describe });
  jobs = config.jobs.enabled
    ? await startJobs({
        connection: store.jobConnection,
        runs: {
          record: (name, at, error) => recordJobRun(store.db, name, at, error),
          completions: () => jobCompletions(store.db),
        },
        clock,
        log,
        jobs: scheduled,
      })
    : undefined;
  const idle = async () => {
    for (const m of mounted) await m.idle();
  };
  const url = `http://${shownHost}:${port}/`;
  // Ready: a chat looking in the data folder's lock finds the desk here.
  await store.advertise?.(url);
  return {
    url,
    server,
    desk,
    kb: knowledge.kb,
    adapters,
    outboxes,
    links,
    idle,
    ...(jobs ? { jobs } : {}),
    sweep: () => sweepTickets(ctx, config.timers),
    runJob(name) {
      const job = scheduled.find((j) => j.name === name);
      if (!job) throw new Error(`no job called ${name}`);
      return job.run();
    },
    async close() {
      // Stop taking requests, let work already received finish (the requests being answered first: a turn
      // waiting on a slow service still answers), then drop the connections left.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await server.drain(shutdownGraceMs);
      await idle();
      await knowledge.stop();
      await jobs?.stop();
      for (const m of mounted) await m.stop();
      server.closeAllConnections();
      await closed;
    },
  };
}
