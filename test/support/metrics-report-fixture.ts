import type { MetricsReport } from '../../src/digests/metrics-report.ts';
import { periodOf } from '../../src/digests/period.ts';

const tiers = (tier1: number, tier2 = 0) => ({ tier1, tier2, tier3: 0, vendor: 0 });
const priorities = (P3: number) => ({ P1: 0, P2: 0, P3, P4: 0 });
const durations = (count: number, ms: number) => ({ count, medianMs: ms, meanMs: ms });
const byPriority = <T>(p3: T, empty: T) => ({ P1: empty, P2: empty, P3: p3, P4: empty });

/**
 * A week at a desk that meets every maturity rule (level 500): tests change the one figure they are about.
 * 100 questions, 40 deflected; 20 tickets resolved, 19 within their SLA; CSAT 9 of 10; a pulse two weeks ago.
 */
export function efficientDeskReport(): MetricsReport {
  const period = periodOf('2026-11-23', '2026-11-30', 'Europe/London');
  return {
    period,
    adoption: { activeUsers: 60, newUsers: 10, returningUsers: 50, questions: 100, byPlatform: {}, byPlace: [] },
    deflection: {
      questions: 100,
      answered: 50,
      settledByPick: 10,
      unpicked: 10,
      declined: 30,
      deflected: 40,
      deflectionRate: 0.4,
      rated: 30,
      helpful: 25,
      helpfulRate: 25 / 30,
    },
    tickets: {
      opened: { total: 20, byTier: tiers(20), byPriority: priorities(20) },
      resolved: { total: 20, byTier: tiers(15, 5), byPriority: priorities(20) },
      backlog: { total: 4, byTier: tiers(4), byPriority: priorities(4) },
      firstContact: { count: 12, rate: 0.6 },
      escalations: {
        total: 5,
        bySlaMonitor: 0,
        perTier: {
          tier1: { arrived: 20, escalated: 5, rate: 0.25 },
          tier2: { arrived: 5, escalated: 0, rate: 0 },
          tier3: { arrived: 0, escalated: 0, rate: null },
          vendor: { arrived: 0, escalated: 0, rate: null },
        },
        deescalations: 0,
        reopens: 1,
      },
      times: {
        firstResponse: {
          ...durations(20, 1_800_000),
          byPriority: byPriority(durations(20, 1_800_000), durations(0, 0)),
        },
        resolution: { ...durations(20, 7_200_000), byPriority: byPriority(durations(20, 7_200_000), durations(0, 0)) },
      },
    },
    sla: {
      compliance: {
        resolved: 20,
        met: 19,
        rate: 0.95,
        byPriority: byPriority({ resolved: 20, met: 19, rate: 0.95 }, { resolved: 0, met: 0, rate: null }),
      },
      breaches: { total: 1, response: 1, resolution: 0, capaWritten: 1, capaMissing: 0 },
    },
    satisfaction: {
      csat: {
        sent: 20,
        skipped: 0,
        responses: 10,
        satisfied: 9,
        csat: 0.9,
        average: 4.5,
        responseRate: 0.5,
        scores: [0, 0, 1, 3, 6],
      },
      feedback: { total: 12, byClass: { appreciation: 10, undertone: 2 } },
      followUps: { opened: 1, open: 1, openOverGrace: 0 },
      pulse: { runs: 0, sent: 0, answered: 0, responseRate: null, lastRunAt: new Date('2026-11-16T09:00:00Z') },
    },
    staffing: { agents: tiers(2, 1), leads: 1, admins: 1 },
  };
}
