/**
 * The shape both throughput benches share: every app under test meets the same rates, stage by stage,
 * repeated; the figures are the medians over the repeats, and the desk is judged against the bare app
 * measured in the same run. Apps take turns (and swap who goes first each repeat) so that whatever else the
 * machine is doing is spread over both rather than landing on one.
 */
import { parseArgs } from 'node:util';
import type { ChildApp } from './child-app.ts';
import { scrapeDesk } from './child-app.ts';
import { median, type Outcome, runStage, type StageResult } from './open-loop.ts';

export interface AppUnderLoad {
  name: string;
  /** Sends the `n`-th request of the whole run (unique across stages) and waits for its reply. */
  send(n: number): Promise<Outcome>;
  /**
   * Event-loop delay since the last call and the CPU seconds used so far, when the app exposes them; the
   * first call of a stage resets the delay.
   */
  loopDelay?(): Promise<{ p99: number; max: number; cpuSeconds: number }>;
}

export interface LadderOptions {
  rates: number[];
  seconds: number;
  repeats: number;
  json: boolean;
  /** A checkout of an earlier commit whose desk runs alongside, to measure a change. */
  before: string | undefined;
  /** A Postgres server the desks get a new database each on, instead of embedded PGlite. */
  postgres: string | undefined;
  /** Only the bare app: how far it goes, at rates the desk would only drown in. */
  bareOnly: boolean;
}

export function ladderOptions(): LadderOptions {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: '10,20,40,80' },
      seconds: { type: 'string', default: '20' },
      repeats: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      before: { type: 'string' },
      postgres: { type: 'string' },
      'bare-only': { type: 'boolean', default: false },
    },
  });
  return {
    rates: values.rates.split(',').map(Number),
    seconds: Number(values.seconds),
    repeats: Math.max(1, Number(values.repeats)),
    json: values.json,
    before: values.before,
    postgres: values.postgres,
    bareOnly: values['bare-only'],
  };
}

/** Requests are numbered across the whole run: a person or event id used twice would be deduplicated. */
let n = 0;

/** `cpuMs`: the app's CPU time per event sent, over the stage and the backlog it left (every thread). */
type Row = StageResult & { loopP99?: number; loopMax?: number; cpuMs?: number };

/** `settled` resolves when the apps have worked off what a stage left them (see createReplyWaiter). */
export async function runLadder(apps: AppUnderLoad[], o: LadderOptions, settled: () => Promise<void>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let repeat = 0; repeat < o.repeats; repeat++) {
    const order = repeat % 2 ? [...apps].reverse() : apps;
    for (const rate of o.rates) {
      for (const app of order) {
        const start = await app.loopDelay?.();
        const from = n;
        n += Math.round(rate * o.seconds);
        const result = await runStage(app.name, rate, o.seconds, (i) => app.send(from + i));
        const loop = await app.loopDelay?.();
        await settled();
        const end = await app.loopDelay?.();
        const cpuMs = start && end ? ((end.cpuSeconds - start.cpuSeconds) * 1000) / result.sent : undefined;
        rows.push({
          ...result,
          ...(loop ? { loopP99: loop.p99, loopMax: loop.max } : {}),
          ...(cpuMs ? { cpuMs } : {}),
        });
        console.error(`  ${app.name} ${rate}/s (repeat ${repeat + 1}): ${format(rows.at(-1) as Row)}`);
      }
    }
  }
  return rows;
}

const ms = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : 'never');
const format = (r: Row) =>
  `acked ${r.acked}/${r.sent}, replied ${r.replied}, ${r.throughput.toFixed(1)}/s, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms` +
  (r.loopP99 === undefined ? '' : `, loop p99 ${r.loopP99} ms max ${r.loopMax} ms`) +
  (r.cpuMs === undefined ? '' : `, CPU ${r.cpuMs.toFixed(1)} ms/event`);

/** Medians per app and rate over the repeats, with the spread of throughput (min–max) to show the noise. */
export function summarize(rows: Row[], apps: AppUnderLoad[], rates: number[]) {
  const summary = rates.flatMap((rate) =>
    apps.map((app) => {
      const runs = rows.filter((r) => r.rate === rate && r.app === app.name);
      const of = (pick: (r: Row) => number | undefined) => median(runs.map((r) => pick(r) ?? Number.NaN));
      const throughputs = runs.map((r) => r.throughput);
      return {
        app: app.name,
        rate,
        sent: of((r) => r.sent),
        acked: of((r) => r.acked),
        replied: of((r) => r.replied),
        throughput: of((r) => r.throughput),
        throughputRange: [Math.min(...throughputs), Math.max(...throughputs)],
        p50: of((r) => r.p50),
        p99: of((r) => r.p99),
        loopP99: of((r) => r.loopP99),
        loopMax: of((r) => r.loopMax),
        cpuMs: of((r) => r.cpuMs),
      };
    }),
  );
  const bare = apps.at(-1)?.name;
  const at = (app: string | undefined, rate: number) => summary.find((s) => s.app === app && s.rate === rate);
  const ratios = apps.slice(0, -1).map(({ name }) => {
    const perRate = rates.map((rate) => ({
      rate,
      ratio: (at(name, rate)?.throughput ?? 0) / (at(bare, rate)?.throughput ?? Number.NaN),
      p99Under1s: (at(name, rate)?.p99 ?? Number.POSITIVE_INFINITY) < 1000,
    }));
    return { app: name, perRate, highestRateWithP99Under1s: perRate.filter((r) => r.p99Under1s).at(-1) ?? null };
  });
  return { summary, bare, ratios };
}

export function printSummary(s: ReturnType<typeof summarize>, repeats: number) {
  console.log(
    `| rate /s | app | sent | acked | replied | replies/s (range) | p50 ms | p99 ms | loop p99 / max ms | CPU ms/event |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of s.summary) {
    const range = repeats > 1 ? ` (${r.throughputRange.map((t) => t.toFixed(1)).join('–')})` : '';
    const loop = Number.isNaN(r.loopP99) ? '' : `${r.loopP99} / ${r.loopMax}`;
    const cpu = Number.isNaN(r.cpuMs) ? '' : r.cpuMs.toFixed(1);
    console.log(
      `| ${r.rate} | ${r.app} | ${r.sent} | ${r.acked} | ${r.replied} | ${r.throughput.toFixed(1)}${range} | ${ms(r.p50)} | ${ms(r.p99)} | ${loop} | ${cpu} |`,
    );
  }
  for (const r of s.ratios) {
    const perRate = r.perRate.map((x) => `${x.rate}/s ${(x.ratio * 100).toFixed(0)} %`).join(', ');
    console.log(`\n${r.app} / ${s.bare} throughput: ${perRate}`);
    const best = r.highestRateWithP99Under1s;
    console.log(
      best
        ? `highest rate with ${r.app} p99 < 1 s: ${best.rate}/s, ${r.app} / ${s.bare} = ${(best.ratio * 100).toFixed(0)} %`
        : `${r.app} p99 was 1 s or more at every rate`,
    );
  }
}

/**
 * The whole run of a throughput bench: the desk (and `before`, an earlier checkout's) against the bare app,
 * warmed first, then the ladder; prints the summary (or JSON) and stops every app and `fake`.
 */
export async function compareWithBare(run: {
  options: LadderOptions;
  /** Undefined with --bare-only. */
  desk: ChildApp | undefined;
  before: ChildApp | undefined;
  bare: ChildApp;
  bareName: string;
  send(app: ChildApp): AppUnderLoad['send'];
  settled(): Promise<void>;
  fake: { close(): Promise<void> };
}): Promise<void> {
  const { options, desk, before, bare } = run;
  // The bare app goes last: every other app is measured against it.
  const apps: AppUnderLoad[] = [
    ...(desk ? [{ name: 'desk', send: run.send(desk), loopDelay: () => scrapeDesk(desk.url) }] : []),
    ...(before ? [{ name: 'desk (before)', send: run.send(before), loopDelay: () => scrapeDesk(before.url) }] : []),
    { name: run.bareName, send: run.send(bare) },
  ];
  try {
    // Warm both (JIT, connections, the model's first runs) before anything is measured.
    await runLadder(apps, { ...options, rates: [5], seconds: 4, repeats: 1 }, run.settled);
    const rows = await runLadder(apps, options, run.settled);
    const summary = summarize(rows, apps, options.rates);
    if (options.json) console.log(JSON.stringify({ rows, ...summary }));
    else printSummary(summary, options.repeats);
  } finally {
    await desk?.stop();
    await before?.stop();
    await bare.stop();
    await run.fake.close();
  }
}
