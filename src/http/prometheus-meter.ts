import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { type CounterName, type HistogramName, type Meter, meterCounters, meterHistograms } from '../meter.ts';

export interface PrometheusMeter {
  /** This app's own registry: two apps in one process (tests) never share or clash over metrics. */
  registry: Registry;
  meter: Meter;
}

/** The desk's counters and histograms, declared from the meter's list, with Node's process metrics beside them. */
export function createPrometheusMeter(): PrometheusMeter {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counters = Object.fromEntries(
    Object.entries(meterCounters).map(([name, m]) => [
      name,
      new Counter({ name, help: m.help, labelNames: [...m.labels], registers: [registry] }),
    ]),
  ) as Record<CounterName, Counter>;
  const histograms = Object.fromEntries(
    Object.entries(meterHistograms).map(([name, m]) => [
      name,
      new Histogram({ name, help: m.help, labelNames: [...m.labels], buckets: [...m.buckets], registers: [registry] }),
    ]),
  ) as Record<HistogramName, Histogram>;
  return {
    registry,
    meter: {
      count: (name, labels) => counters[name].inc(labels),
      observe: (name, labels, seconds) => histograms[name].observe(labels, seconds),
    },
  };
}
