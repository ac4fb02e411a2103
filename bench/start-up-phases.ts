/**
 * Where a start-up's time went, read from the desk's own log lines (LOG_LEVEL=debug) and when they arrived:
 * `store opened` and `migrations applied` carry how long they took; the others are told apart by arrival.
 */
import type { LogLine } from './desk-spawn.ts';

export const phaseNames = ['modules', 'store', 'migrations', 'knowledge', 'listen', 'jobs'] as const;
export type Phases = Partial<Record<(typeof phaseNames)[number], number>>;

const parsed = (line: LogLine) => {
  try {
    const fields = JSON.parse(line.text) as { msg?: string; ms?: number };
    return { at: line.at, msg: fields.msg, ms: fields.ms };
  } catch {
    return undefined;
  }
};

/**
 * modules: from the spawn until the store starts opening (the runtime, tsx, importing every module);
 * store: taking the data folder's lock and opening PGlite (initdb on a fresh folder), or Postgres' client;
 * migrations: checking and applying them; knowledge: admins, keys, reading and indexing the articles, and
 * the cached vectors; listen: features, platforms and the HTTP server; jobs: pg-boss starting, which
 * happens after /healthz already answers.
 */
export function phasesOf(lines: readonly LogLine[]): Phases {
  const events = lines.map(parsed).filter((e) => e !== undefined);
  const find = (msg: string) => events.find((e) => e.msg === msg);
  const store = find('store opened');
  const migrated = find('migrations applied');
  const knowledge = find('knowledge base loaded');
  const listening = find('adapters on');
  const jobs = find('jobs started');
  const phases: Phases = {};
  if (store?.ms !== undefined) {
    phases.modules = store.at - store.ms;
    phases.store = store.ms;
  }
  if (migrated?.ms !== undefined) phases.migrations = migrated.ms;
  if (knowledge && migrated) phases.knowledge = knowledge.at - migrated.at;
  if (listening && knowledge) phases.listen = listening.at - knowledge.at;
  if (jobs && listening) phases.jobs = jobs.at - listening.at;
  return phases;
}

export const median = (values: readonly number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
