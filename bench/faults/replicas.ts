/**
 * Fault scenario: several desk processes (`--replicas 3`) started at the same instant on a new database,
 * then every scheduled job given due work and left to run for a few periods (`--periods 3`, every job's cron
 * set to each minute).
 *
 * What must hold: the migrations were applied once (each once in drizzle's table) and no desk failed to start;
 * every desk serves; each piece of due work was done exactly once across them: one escalation per breached
 * ticket, one digest per place and week, one pulse DM per person, one post per kept outbox message, one card
 * per ticket whose card went missing, one calibration refit for the week, one late reply per event lost with
 * its desk (replicas-work.ts). The jobs are those the desks scheduled, read from pg-boss: a new job without
 * due work here is reported as a problem.
 *
 * The database is a throwaway one on the Postgres at `--server` (postgres://postgres@127.0.0.1:5432/postgres),
 * dropped at the end. `npx tsx bench/faults/replicas.ts` runs it alone; `npm run bench:faults` with the others.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openPostgres } from '../../src/store/open-store.ts';
import { startSlackApiFake } from '../../test/fakes/slack-api.ts';
import { testSigningSecret } from '../../test/support/slack-signing.ts';
import { jobRunsSince, migrationCounts, scheduledJobs, serves } from './replicas-checks.ts';
import { places, pulseYaml, seedDueWork, workDone } from './replicas-work.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { faultDeskEnv, type SupervisedDesk, superviseDesk } from './supervised-desk.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReplicasOptions {
  replicas: number;
  periods: number;
  server: string;
}

export async function runReplicas(options: ReplicasOptions): Promise<ScenarioReport> {
  const name = `tierdesk_replicas_${randomBytes(4).toString('hex')}`;
  const admin = postgres(options.server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(options.server);
  url.pathname = `/${name}`;
  const api = await startSlackApiFake();
  const surveys = await mkdtemp(join(tmpdir(), 'tierdesk-replicas-'));
  await writeFile(join(surveys, 'replica-pulse.yaml'), pulseYaml);
  const store = openPostgres(url.toString());
  const desks: SupervisedDesk[] = [];
  try {
    const env = {
      ...faultDeskEnv(url.toString()),
      SLACK_BOT_TOKEN: 'xoxb-replicas',
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: api.apiUrl,
      QUEUE_TIER1: `slack:${places.tier1}`,
      QUEUE_TIER2: `slack:${places.tier2}`,
      DIGEST_CRON: '* * * * *',
      DIGEST_PLACES: places.digests.map((c) => `slack:${c}`).join(','),
      SURVEYS_DIR: surveys,
      CALIBRATION_CRON: '* * * * *',
      SLA_SWEEP_CRON: '* * * * *',
    };
    const started = Date.now();
    const starts = await Promise.allSettled(Array.from({ length: options.replicas }, () => superviseDesk(env)));
    for (const s of starts) if (s.status === 'fulfilled') desks.push(s.value);
    const startedIn = ((Date.now() - started) / 1000).toFixed(1);
    const failedToStart = starts.flatMap((s) => (s.status === 'rejected' ? [String(s.reason).slice(0, 300)] : []));
    const migrations = await migrationCounts(store.db);
    const serving = await Promise.all(desks.map((d) => serves(d.url() ?? '')));

    // Every job the desks scheduled that comes due each minute here; the others are named, not waited for.
    const schedules = await scheduledJobs(store.db);
    const jobs = schedules.filter((j) => j.cron === '* * * * *').map((j) => j.name);
    const notDue = schedules.filter((j) => j.cron !== '* * * * *');
    const seededAt = new Date();
    const seeded = await seedDueWork(store.db, seededAt, 3);
    // Each job completes `periods` runs after the work was put there (a run, once a minute, between them).
    const limit = Date.now() + (options.periods + 3) * 60_000;
    let runs = await jobRunsSince(store.db, jobs, seededAt);
    while (Date.now() < limit && jobs.some((j) => (runs.get(j)?.completed ?? 0) < options.periods)) {
      await sleep(5000);
      runs = await jobRunsSince(store.db, jobs, seededAt);
    }
    await sleep(3000); // the last runs' posts and their records land
    const work = await workDone(store.db, api, seeded);

    const lines = [
      `did: started ${options.replicas} desk processes at once on a new database (all up in ${startedIn} s), gave every job due work, waited ${Math.round((Date.now() - seededAt.getTime()) / 1000)} s for ${options.periods} runs of each`,
      `migrations: ${migrations.rows} rows for ${migrations.expected} migrations, ${migrations.repeated} applied twice; ${failedToStart.length} desks failed to start${failedToStart.map((f) => `\n    ${f}`).join('')}`,
      `serving: ${serving.filter(Boolean).length} of ${options.replicas} answered /healthz and a chat message; exits since: ${desks.reduce((n, d) => n + d.exits.length, 0)}`,
      'job: runs seen (overlapping) · work done / due · duplicates · lost',
    ];
    let problems = failedToStart.length + migrations.repeated + (migrations.rows === migrations.expected ? 0 : 1);
    problems += serving.filter((s) => !s).length + desks.reduce((n, d) => n + d.exits.length, 0);
    const unchecked = jobs.filter((j) => !work.some((w) => w.job === j));
    problems += unchecked.length;
    for (const job of unchecked) lines.push(`  ${job}: scheduled, but this scenario gives it no due work to check`);
    for (const { name, cron } of notDue) lines.push(`  ${name}: not due in these minutes (${cron}); not checked`);
    for (const { job, pieces } of work) {
      const seen = runs.get(job);
      const done = pieces.filter((p) => p.done >= 1).length;
      const duplicates = pieces.reduce((n, p) => n + Math.max(p.done - 1, 0), 0);
      const lost = pieces.filter((p) => p.done === 0);
      problems += duplicates + lost.length + ((seen?.completed ?? 0) < options.periods ? 1 : 0);
      lines.push(
        `  ${job}: ${seen?.completed ?? 0} runs (${seen?.overlapping ?? 0}) · ${done} / ${pieces.length} · ${duplicates} · ${lost.length}${lost.length ? ` (${lost.map((p) => p.name).join(', ')})` : ''}`,
      );
    }
    return { name: 'replicas', lines, ok: problems === 0 };
  } finally {
    await Promise.all(desks.map((d) => d.stop()));
    await store.close();
    await api.close();
    await rm(surveys, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export const defaultReplicasOptions: ReplicasOptions = {
  replicas: 3,
  periods: 3,
  server: process.env.REPLICAS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

export const replicas: Scenario = {
  name: 'replicas',
  about: 'three desk processes started at once on one new Postgres: migrations once, every job’s due work once',
  run: () => runReplicas(defaultReplicasOptions),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { replicas: { type: 'string' }, periods: { type: 'string' }, server: { type: 'string' } },
  });
  const report = await runReplicas({
    replicas: Number(values.replicas ?? defaultReplicasOptions.replicas),
    periods: Number(values.periods ?? defaultReplicasOptions.periods),
    server: values.server ?? defaultReplicasOptions.server,
  });
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'replicas: ok' : 'replicas: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
