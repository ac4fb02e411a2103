/**
 * What the desk counts and times as it works, for monitoring. Features speak to this small port, never to a
 * metrics library: the Prometheus implementation lives in http/, and without one nothing is recorded. The
 * metrics are listed here as data, so a name and its labels are written once and the exporter declares them
 * from this list (the README's "Prometheus metrics" table lists the same names).
 */
export const meterCounters = {
  tierdesk_questions_total: {
    help: 'Questions and small talk the desk replied to, by what it decided: answered, clarified, declined, small_talk',
    labels: ['decision'],
  },
  tierdesk_answer_feedback_total: {
    help: 'Presses of "did this help?" on an answer that were recorded, by feedback: helpful or not_helpful',
    labels: ['feedback'],
  },
  tierdesk_rate_limited_total: {
    help: 'Messages and commands refused because their sender passed RATE_LIMIT_PER_MINUTE, by platform',
    labels: ['platform'],
  },
  tierdesk_outbox_failures_total: {
    help: 'Proactive messages a platform did not take, by platform and reason: failed or not_connected',
    labels: ['platform', 'reason'],
  },
} as const;

export const meterHistograms = {
  tierdesk_handler_seconds: {
    help: 'Time the desk took to handle one inbound event (message, command, button, form), by platform and kind',
    labels: ['platform', 'kind'],
    // Most events are a database round trip or two; a composed answer or a slow platform reaches seconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  },
} as const;

export type CounterName = keyof typeof meterCounters;
export type HistogramName = keyof typeof meterHistograms;
type LabelsOf<L extends readonly string[]> = { readonly [K in L[number]]: string };

export interface Meter {
  count<N extends CounterName>(name: N, labels: LabelsOf<(typeof meterCounters)[N]['labels']>): void;
  observe<N extends HistogramName>(
    name: N,
    labels: LabelsOf<(typeof meterHistograms)[N]['labels']>,
    seconds: number,
  ): void;
}

/** Records nothing: for a desk built without monitoring (tests of one feature, tools). */
export const noMeter: Meter = { count: () => undefined, observe: () => undefined };
