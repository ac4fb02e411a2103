/**
 * The fatigue cap: one budget per person across CSAT and pulse surveys. A CSAT after a resolution is always
 * asked (it is about something that just happened to them); a pulse waits at least `pulseMinDays` after the
 * last pulse and `pulseAfterCsatDays` after the last CSAT. Nobody who said `surveys off` is asked anything.
 * Days are 24-hour periods counted from the instant of the last survey, so exactly N days later is allowed.
 */

/** What the store knows about a person's surveys: whether they opted out, and when they were last asked. */
export interface SurveyHistory {
  optedOut: boolean;
  lastPulseAt?: Date;
  lastCsatAt?: Date;
}

export interface FatigueRules {
  /** PULSE_MIN_DAYS: at most one pulse per this many days. */
  pulseMinDays: number;
  /** PULSE_AFTER_CSAT_DAYS: no pulse within this many days of a CSAT. */
  pulseAfterCsatDays: number;
}

export type SurveyKind = 'csat' | 'pulse';
export type NotAskedReason = 'opted_out' | 'pulse_too_recent' | 'csat_too_recent';
export type MayAsk = { ok: true } | { ok: false; reason: NotAskedReason };

const DAY = 24 * 60 * 60_000;

const sooner = (last: Date | undefined, now: Date, days: number) =>
  last !== undefined && now.getTime() - last.getTime() < days * DAY;

/** Whether a survey of `kind` may be sent to this person now, or the reason it is skipped (to be counted). */
export function mayAsk(history: SurveyHistory, now: Date, kind: SurveyKind, rules: FatigueRules): MayAsk {
  if (history.optedOut) return { ok: false, reason: 'opted_out' };
  if (kind === 'csat') return { ok: true };
  if (sooner(history.lastPulseAt, now, rules.pulseMinDays)) return { ok: false, reason: 'pulse_too_recent' };
  if (sooner(history.lastCsatAt, now, rules.pulseAfterCsatDays)) return { ok: false, reason: 'csat_too_recent' };
  return { ok: true };
}
