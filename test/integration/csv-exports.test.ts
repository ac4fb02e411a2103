import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/desk-process.ts';
import { csvRecords } from '../support/parse-csv.ts';
import { type SeededDesk, seededWeek, seedWeek } from '../support/seeded-week.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const token = 'coe-lead-token-0123456789abcdef';
const week = `from=${seededWeek.from}&to=${seededWeek.to}`;

/** With the lead's token, unless told which `Authorization` to send (null: none). */
const download = (app: TestApp, path: string, authorization: string | null = `Bearer ${token}`) =>
  fetch(new URL(path, app.url), authorization ? { headers: { authorization } } : {});

/** The CSV exports over HTTP, on the seeded week (test/support/seeded-week.ts says what happened in it). */
describe('the CSV exports', () => {
  let desk: SeededDesk;
  beforeAll(async () => {
    desk = await seedWeek({ DASHBOARD_TOKEN: token });
  });
  afterAll(() => desk.app.close());

  it.each(['tickets', 'ticket_events', 'feedback', 'interactions'])('%s.csv needs the token', async (name) => {
    for (const authorization of [null, `Bearer ${token}x`]) {
      const res = await download(desk.app, `api/export/${name}.csv?${week}`, authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('gives the week’s tickets as a CSV download, people as identities and names', async () => {
    const res = await download(desk.app, `api/export/tickets.csv?${week}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tickets-2026-11-23-to-2026-11-30.csv"');
    const { header, records } = csvRecords(await res.text());
    expect(header.slice(0, 12)).toEqual([
      'ticket_id',
      'created_at',
      'subject',
      'description',
      'status',
      'tier',
      'priority',
      'platform',
      'requester',
      'requester_name',
      'assignee',
      'assignee_name',
    ]);
    // Opened in the week: bob, dave, frank, cleo, cleo's follow-up, gus (zoe's is from the week before).
    expect(records.map((r) => Number(r.ticket_id))).toEqual(
      ['bob', 'dave', 'frank', 'cleo', 'followUp', 'gus'].map((who) => desk.tickets[who]),
    );
    const frank = records.find((r) => r.subject === 'Printer on fire');
    expect(frank).toMatchObject({
      created_at: '2026-11-23T12:00:00.000Z',
      status: 'resolved',
      tier: 'tier2',
      priority: 'P2',
      requester: 'local:frank',
      requester_name: 'frank',
      assignee: 'local:tia',
      response_breached_at: '2026-11-23T12:45:00.000Z',
      resolved_at: '2026-11-23T14:00:00.000Z',
    });
    expect(records.find((r) => r.requester === 'local:gus')?.assignee).toBe('');
  });

  it('gives every ticket change of the week in order, with who made it', async () => {
    const res = await download(desk.app, `api/export/ticket_events.csv?${week}`);
    const { header, records } = csvRecords(await res.text());
    expect(header).toEqual([
      'event_id',
      'ticket_id',
      'at',
      'kind',
      'from_value',
      'to_value',
      'reason',
      'platform',
      'actor',
      'actor_name',
    ]);
    const ids = records.map((r) => Number(r.event_id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(records.every((r) => String(r.at) >= '2026-11-23' && String(r.at) < '2026-11-30')).toBe(true);
    expect(records).toContainEqual(
      expect.objectContaining({ kind: 'escalated', reason: 'needs a network engineer', actor: 'local:tom' }),
    );
    // The SLA monitor acts as the desk: no person.
    expect(records.find((r) => r.kind === 'sla_breach')).toMatchObject({ platform: 'desk', actor: '', actor_name: '' });
  });

  it('gives the week’s questions with what the desk decided, and the feedback given', async () => {
    const questions = csvRecords(await (await download(desk.app, `api/export/interactions.csv?${week}`)).text());
    expect(questions.records.map((r) => [r.person, r.decision, r.helpful])).toEqual([
      ['local:alice', 'answered', 'true'],
      ['local:bob', 'answered', 'false'],
      ['local:cleo', 'clarified', ''],
      ['local:dave', 'declined', ''],
      ['local:erin', 'answered', ''],
      ['local:zoe', 'answered', 'true'],
    ]);
    expect(questions.records[0]).toMatchObject({ place: 'local:@alice', question: 'how do I reset my password?' });
    const feedback = csvRecords(await (await download(desk.app, `api/export/feedback.csv?${week}`)).text());
    expect(feedback.records.map((r) => [r.source, r.person, r.rating, r.class])).toEqual([
      ['answer', 'local:alice', '', 'appreciation'],
      ['answer', 'local:bob', '', 'undertone'],
      ['answer', 'local:zoe', '', 'appreciation'],
      ['csat', 'local:cleo', '2', 'undertone'],
      ['free', 'local:erin', '', 'appreciation'],
    ]);
    // A number stays a number a spreadsheet can sum, its minus sign and all.
    expect(feedback.records[1]?.sentiment).toBe('-0.5');
    expect(feedback.records[4]?.comment).toBe('thanks, the new portal is much faster');
  });

  it('keeps what people typed from running as a formula when the file is opened', async () => {
    desk.app.clock.set(new Date('2026-12-01T10:00:00Z'));
    await desk.app.post('/api/local/messages', { user: 'mallory', text: 'feedback =HYPERLINK("http://x.test","hi")' });
    await desk.app.post('/api/local/messages', { user: 'mallory', text: 'ticket +1 for a second monitor' });
    const period = 'from=2026-12-01&to=2026-12-02';
    const feedback = csvRecords(await (await download(desk.app, `api/export/feedback.csv?${period}`)).text());
    expect(feedback.records.map((r) => r.comment)).toContain(`'=HYPERLINK("http://x.test","hi")`);
    const tickets = csvRecords(await (await download(desk.app, `api/export/tickets.csv?${period}`)).text());
    expect(tickets.records.map((r) => r.subject)).toEqual(["'+1 for a second monitor"]);
  });

  it.each([
    [
      'tickets.csv?from=2026-11-23',
      400,
      'give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (to is the first day not counted)',
    ],
    ['tickets.csv?from=2026-02-30&to=2026-03-02', 400, 'from must be a date like 2026-11-23 (got "2026-02-30")'],
    ['feedback.csv?from=2025-01-01&to=2026-01-03', 400, 'that is 367 days; an export covers at most 366'],
    [
      'people.csv?from=2026-11-23&to=2026-11-30',
      404,
      'there is no such export; ask for one of tickets.csv, ticket_events.csv, feedback.csv, interactions.csv',
    ],
  ])('answers %s with %i and what to fix', async (path, status, error) => {
    const res = await download(desk.app, `api/export/${path}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error });
  });
});

describe('an export of many pages', () => {
  let app: TestApp;
  const rows = 4500;
  beforeAll(async () => {
    app = await startTestApp({ DASHBOARD_TOKEN: token });
    // Three to a second, with microseconds: the pages must split ties on the id and keep the database's
    // exact times, or rows at a page's edge would be lost or repeated.
    await app.store.db.execute(sql`insert into people (platform, workspace, user_id, display_name)
      values ('local', 'local', 'pat', 'Pat')`);
    await app.store.db.execute(sql`insert into interactions (person_id, place, question, outcome, confidence, candidates, created_at)
      select (select id from people where user_id = 'pat'), '{"platform":"local","workspace":"local","channel":"#help"}',
        'question ' || i, 'declined', 0, '[]',
        timestamptz '2026-11-23 09:00:00.000123+00' + (i / 3) * interval '1 second'
      from generate_series(1, ${rows}) as i`);
  });
  afterAll(() => app.close());

  it('comes out whole and in order, past the page size', async () => {
    const res = await download(app, `api/export/interactions.csv?${week}`);
    const { records } = csvRecords(await res.text());
    expect(records).toHaveLength(rows);
    expect(new Set(records.map((r) => r.interaction_id)).size).toBe(rows);
    const seconds = records.map((r) => Number(String(r.question).split(' ')[1]) / 3).map(Math.floor);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(records[0]).toMatchObject({
      person: 'local:pat',
      person_name: 'Pat',
      created_at: '2026-11-23T09:00:00.000Z',
    });
  });

  it('stops reading when the client goes away mid-export', async () => {
    // Far more than the connection can hold unread (about 20 MB), in a later week than the rows above.
    await app.store.db.execute(sql`insert into interactions (person_id, place, question, outcome, confidence, candidates, created_at)
      select (select id from people where user_id = 'pat'), '{"platform":"local","workspace":"local","channel":"#help"}',
        'long question ' || i || repeat(' and more', 100), 'declined', 0, '[]',
        timestamptz '2026-12-01 09:00:00+00' + i * interval '1 second'
      from generate_series(1, 20000) as i`);
    const res = await download(app, 'api/export/interactions.csv?from=2026-12-01&to=2026-12-02', `Bearer ${token}`);
    const reader = res.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    const stopped = () => app.log.lines.find((l) => l.msg === 'export stopped: the client went away');
    await waitFor(() => stopped() !== undefined, 'the export to notice the client left', 30_000);
    expect(stopped()?.rows).toBeLessThan(20000);
    expect(app.log.lines.find((l) => l.msg === 'export sent' && l.from === '2026-12-01')).toBeUndefined();
  });
});
