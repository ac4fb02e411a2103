import { describe, expect, it } from 'vitest';
import { mayAsk, type SurveyHistory } from '../../../src/surveys/fatigue.ts';

const DAY = 24 * 60 * 60_000;
const rules = { pulseMinDays: 30, pulseAfterCsatDays: 7 };
const now = new Date('2026-06-15T10:00:00Z');
const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY + ms);
const fresh: SurveyHistory = { optedOut: false };

describe('mayAsk: pulse surveys', () => {
  it('asks someone who has never been surveyed', () => {
    expect(mayAsk(fresh, now, 'pulse', rules)).toEqual({ ok: true });
  });

  it('allows one pulse per 30 days: exactly 30 days after the last one is allowed, a moment sooner is not', () => {
    expect(mayAsk({ ...fresh, lastPulseAt: ago(30) }, now, 'pulse', rules)).toEqual({ ok: true });
    expect(mayAsk({ ...fresh, lastPulseAt: ago(30, 1) }, now, 'pulse', rules)).toEqual({
      ok: false,
      reason: 'pulse_too_recent',
    });
    expect(mayAsk({ ...fresh, lastPulseAt: ago(1) }, now, 'pulse', rules)).toEqual({
      ok: false,
      reason: 'pulse_too_recent',
    });
  });

  it('sends no pulse within 7 days of a CSAT: exactly 7 days after is allowed, a moment sooner is not', () => {
    expect(mayAsk({ ...fresh, lastCsatAt: ago(7) }, now, 'pulse', rules)).toEqual({ ok: true });
    expect(mayAsk({ ...fresh, lastCsatAt: ago(7, 1) }, now, 'pulse', rules)).toEqual({
      ok: false,
      reason: 'csat_too_recent',
    });
  });

  it('follows the rules it is given', () => {
    const strict = { pulseMinDays: 90, pulseAfterCsatDays: 14 };
    expect(mayAsk({ ...fresh, lastPulseAt: ago(60) }, now, 'pulse', strict)).toMatchObject({ ok: false });
    expect(mayAsk({ ...fresh, lastCsatAt: ago(10) }, now, 'pulse', strict)).toMatchObject({ ok: false });
    expect(mayAsk({ ...fresh, lastPulseAt: ago(90), lastCsatAt: ago(14) }, now, 'pulse', strict)).toEqual({
      ok: true,
    });
  });
});

describe('mayAsk: opting out and CSAT', () => {
  it('asks nothing of someone who said "surveys off", whatever their history', () => {
    const off = { optedOut: true };
    expect(mayAsk(off, now, 'pulse', rules)).toEqual({ ok: false, reason: 'opted_out' });
    expect(mayAsk(off, now, 'csat', rules)).toEqual({ ok: false, reason: 'opted_out' });
    expect(mayAsk({ ...off, lastPulseAt: ago(1) }, now, 'pulse', rules)).toEqual({ ok: false, reason: 'opted_out' });
  });

  it('always asks for a CSAT after a resolution, however recent the last survey', () => {
    const busy = { optedOut: false, lastPulseAt: ago(0), lastCsatAt: ago(0) };
    expect(mayAsk(busy, now, 'csat', rules)).toEqual({ ok: true });
  });
});
