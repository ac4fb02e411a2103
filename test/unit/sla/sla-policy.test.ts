import { describe, expect, it } from 'vitest';
import { calendarFor, defaultSlaPolicies, dueTimes, shiftForPause } from '../../../src/sla/sla-policy.ts';

const at = (iso: string) => new Date(iso);

describe('defaultSlaPolicies', () => {
  it('uses the 24/7 calendar for P1 only', () => {
    expect(calendarFor(defaultSlaPolicies, 'P1')).toEqual({ kind: 'always' });
    expect(calendarFor(defaultSlaPolicies, 'P2')).toBe(defaultSlaPolicies.calendar);
  });
});

describe('dueTimes and shiftForPause: the acceptance case', () => {
  it('P2 opened Friday 16:00 is due Monday 16:00; a 2 h pause on Monday moves it to Tuesday 10:00', () => {
    // June 2026 is BST (UTC+1): Friday 12 June 16:00 local is 15:00Z.
    const due = dueTimes(defaultSlaPolicies, 'P2', at('2026-06-12T15:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-06-12T15:30:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-06-15T15:00:00.000Z'); // Monday 16:00 BST

    // Waiting on the requester Monday 10:00–12:00 local: Monday 16:00 + 2 business hours is Tuesday 10:00,
    // not Monday 18:00 (after closing).
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P2',
      due.resolutionDueAt,
      at('2026-06-15T09:00:00Z'),
      at('2026-06-15T11:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-06-16T09:00:00.000Z'); // Tuesday 10:00 BST
  });

  it('works the same in winter, when London is on UTC', () => {
    const due = dueTimes(defaultSlaPolicies, 'P2', at('2026-01-09T16:00:00Z'));
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-12T16:00:00.000Z');
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P2',
      due.resolutionDueAt,
      at('2026-01-12T10:00:00Z'),
      at('2026-01-12T12:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-01-13T10:00:00.000Z');
  });
});

describe('dueTimes', () => {
  it('runs P1 round the clock, weekends included', () => {
    const due = dueTimes(defaultSlaPolicies, 'P1', at('2026-06-13T02:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-06-13T02:15:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-06-13T06:00:00.000Z');
  });

  it('gives P3 three business days to resolve', () => {
    // Wednesday 14 January 13:00: 4 h response ends at closing; 24 h is Wed 4 + Thu 8 + Fri 8 + Mon 4.
    const due = dueTimes(defaultSlaPolicies, 'P3', at('2026-01-14T13:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-19T13:00:00.000Z');
  });

  it('gives P4 one business day to respond and a working week to resolve', () => {
    const due = dueTimes(defaultSlaPolicies, 'P4', at('2026-01-12T09:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-01-12T17:00:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-16T17:00:00.000Z');
  });

  it('starts business clocks at the next opening for tickets opened out of hours', () => {
    // Saturday 10 January: the clock starts Monday 09:00.
    const due = dueTimes(defaultSlaPolicies, 'P2', at('2026-01-10T11:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-01-12T09:30:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-12T17:00:00.000Z');
  });
});

describe('shiftForPause', () => {
  const due = at('2026-01-14T12:00:00Z');

  it('does not move a business clock for a pause outside working hours', () => {
    const weekend = shiftForPause(
      defaultSlaPolicies,
      'P3',
      due,
      at('2026-01-10T08:00:00Z'),
      at('2026-01-12T09:00:00Z'),
    );
    expect(weekend.toISOString()).toBe(due.toISOString());
  });

  it('counts only the working part of an overnight pause', () => {
    // Monday 16:00 → Tuesday 10:00 holds 2 working hours.
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P3',
      due,
      at('2026-01-12T16:00:00Z'),
      at('2026-01-13T10:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-01-14T14:00:00.000Z');
  });

  it('moves a 24/7 clock by the whole pause', () => {
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P1',
      due,
      at('2026-01-10T08:00:00Z'),
      at('2026-01-12T09:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-01-16T13:00:00.000Z');
  });

  it('ignores a pause that ends before it starts', () => {
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P2',
      due,
      at('2026-01-13T12:00:00Z'),
      at('2026-01-13T10:00:00Z'),
    );
    expect(shifted.toISOString()).toBe(due.toISOString());
  });
});
