import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../store/db.ts';
import {
  slaBreachCounts,
  slaWarningCounts,
  surveyAnswerCounts,
  surveyAskCounts,
  ticketsByState,
} from '../store/metric-counts.ts';

type Rows = { labels: Record<string, string>; n: number }[];

/**
 * A gauge read from the database when Prometheus scrapes: reset first, so a combination that no longer has
 * rows (no ticket left `new` at Tier 3) disappears instead of repeating its last value.
 */
function databaseGauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  read: () => Promise<Rows>,
) {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const rows = await read();
      this.reset();
      for (const row of rows) this.set(row.labels, row.n);
    },
  });
}

/** The figures that belong to the desk rather than to one process: the same on every replica. */
export function registerDatabaseGauges(registry: Registry, db: Db): void {
  databaseGauge(registry, 'tierdesk_tickets', 'Tickets not archived, by state and tier', ['state', 'tier'], async () =>
    (await ticketsByState(db)).map((r) => ({ labels: { state: r.status, tier: r.tier }, n: r.n })),
  );
  databaseGauge(
    registry,
    'tierdesk_sla_warnings',
    'SLA warnings sent so far (75 % of a target used)',
    ['target'],
    async () => (await slaWarningCounts(db)).map((r) => ({ labels: { target: r.target }, n: r.n })),
  );
  databaseGauge(registry, 'tierdesk_sla_breaches', 'SLA breaches recorded so far', ['target'], async () =>
    (await slaBreachCounts(db)).map((r) => ({ labels: { target: r.target }, n: r.n })),
  );
  databaseGauge(
    registry,
    'tierdesk_survey_asks',
    'Survey asks by kind (csat, pulse) and result (sent, skipped, not_delivered, pending)',
    ['kind', 'result'],
    async () => (await surveyAskCounts(db)).map((r) => ({ labels: { kind: r.kind, result: r.result }, n: r.n })),
  );
  databaseGauge(
    registry,
    'tierdesk_survey_answered',
    'Survey asks answered at least once, by kind',
    ['kind'],
    async () => (await surveyAnswerCounts(db)).map((r) => ({ labels: { kind: r.kind }, n: r.n })),
  );
}
