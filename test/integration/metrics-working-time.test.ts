import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/digests/query-rows.ts';
import { workingMsSql } from '../../src/digests/working-time-sql.ts';
import { type BusinessCalendar, type Calendar, workingTimeBetween } from '../../src/sla/business-calendar.ts';
import type { Store } from '../../src/store/open-store.ts';
import { createTestStore } from '../support/test-store.ts';

const london: BusinessCalendar = {
  kind: 'business',
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  holidays: ['2026-12-25'],
};
const roundTheClockLocal: BusinessCalendar = {
  ...london,
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  start: '00:00',
  end: '24:00',
};
const sydney: BusinessCalendar = {
  ...london,
  timeZone: 'Australia/Sydney',
  workingDays: [1, 2, 3, 4, 6],
  start: '08:30',
  end: '18:15',
};

/** Spans across a weekend, a holiday, both of London's clock changes and Sydney's, and ones that end early. */
const spans: [string, string][] = [
  ['2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z'],
  ['2026-11-20T16:00:00Z', '2026-11-23T10:30:00Z'],
  ['2026-11-21T12:00:00Z', '2026-11-22T12:00:00Z'],
  ['2026-12-24T15:00:00Z', '2026-12-29T09:15:00Z'],
  ['2026-03-27T12:00:00Z', '2026-03-31T08:30:00Z'],
  ['2026-03-28T23:30:00Z', '2026-03-29T23:30:00Z'],
  ['2026-10-24T22:00:00Z', '2026-10-26T10:00:00Z'],
  ['2026-04-04T10:00:00Z', '2026-04-06T03:00:00Z'],
  ['2026-11-23T11:00:00Z', '2026-11-23T09:00:00Z'],
  ['2026-11-23T05:00:00Z', '2026-11-23T06:00:00Z'],
  ['2026-01-01T00:00:00Z', '2026-02-15T13:37:00Z'],
];

describe('working time in SQL', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  const inSql = async (calendar: Calendar, from: string, to: string) => {
    const [row] = await queryRows(
      store.db,
      sql`select ${workingMsSql(calendar, sql`${from}::timestamptz`, sql`${to}::timestamptz`)}::float8 as ms`,
      z.object({ ms: z.coerce.number() }),
    );
    return row?.ms;
  };

  it.each([
    ['a London office', london],
    ['every hour of every local day (DST days are 23 and 25 h)', roundTheClockLocal],
    ['Sydney, odd hours and days', sydney],
    ['round the clock', { kind: 'always' } as Calendar],
  ])('counts what the SLA clock counts, on %s', async (_name, calendar) => {
    for (const [from, to] of spans) {
      expect({ from, to, ms: await inSql(calendar, from, to) }).toEqual({
        from,
        to,
        ms: workingTimeBetween(calendar, new Date(from), new Date(to)),
      });
    }
  });
});
