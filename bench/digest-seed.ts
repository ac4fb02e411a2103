/**
 * The bench desk's year, written by the database itself: every table filled with `insert … select` over
 * `generate_series`, a chunk of ids at a time so the progress line moves. Sizes follow `scale` (1 = 1 M
 * tickets, 10 M interactions, 200 k survey answers). Values come from `random()`: the figures are not
 * checked, only how long the digest takes to read them.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/store/db.ts';

export interface SeedSizes {
  people: number;
  tickets: number;
  interactions: number;
  /** CSAT answers, for the record: every fourth resolved ticket is asked and five in six answer. */
  surveyAnswers: number;
}

export const sizesAt = (scale: number, interactionsPerTicket = 10): SeedSizes => ({
  people: Math.max(100, Math.round(50_000 * scale)),
  tickets: Math.round(1_000_000 * scale),
  interactions: Math.round(1_000_000 * scale * interactionsPerTicket),
  surveyAnswers: Math.round(200_000 * scale),
});

/** The year ends where the bench's week does: Monday 30 November 2026, midnight UTC. */
export const seedEnd = new Date('2026-11-30T00:00:00Z');
const seconds = 365 * 86_400;

/** A step of the seed: a statement over the ids `lo`…`hi` of `total`. */
interface Step {
  name: string;
  total: number;
  chunk: number;
  run(db: Db, lo: number, hi: number): Promise<unknown>;
}

const endText = `'${seedEnd.toISOString()}'::timestamptz`;
const end = sql.raw(endText);
/** The instant `i` of `n` falls on, spread evenly over the year with an hour's jitter. */
const spread = (i: string, n: number) =>
  sql.raw(
    `(${endText} - interval '${seconds} seconds' + (${i}::float8 / ${n}) * interval '${seconds} seconds' + random() * interval '1 hour')`,
  );

const questions = [
  'how do I reset my password',
  'vpn keeps disconnecting',
  'printer on floor 3 is jammed',
  'set up mfa on a new phone',
  'access to the finance share',
  'my mailbox is full',
  'out of office reply',
  'laptop will not start',
  'book a meeting room',
  'teams camera not working',
  'wifi in the office is slow',
  'expenses submission deadline',
  'bitlocker recovery key',
  'request a new monitor',
  'calendar sharing with my assistant',
  'where is the canteen menu',
  'parking permit for visitors',
  'badge reader broken',
  'install python on my laptop',
  'outlook keeps asking for my password',
];

const place = (person: string) =>
  sql.raw(
    `jsonb_build_object('platform', (array['slack','teams','local'])[1 + ${person} % 3], 'workspace', 'W1', 'channel', 'C' || (${person} % 40))`,
  );

export function seedSteps(s: SeedSizes, articleIds: readonly string[]): Step[] {
  const articles = `array[${articleIds.map((a) => `'${a}'`).join(',')}]::text[]`;
  const pick = (expr: string) => sql.raw(`(${articles})[1 + (${expr}) % ${articleIds.length}]`);
  const q = sql.raw(`array[${questions.map((x) => `'${x}'`).join(',')}]::text[]`);
  const requester = (g: string) => sql.raw(`(1 + (${g}::bigint * 7919) % ${s.people})`);
  return [
    {
      name: 'people',
      total: s.people,
      chunk: 50_000,
      run: (db, lo, hi) =>
        db.execute(sql`insert into people (platform, workspace, user_id, display_name, role, tier, created_at)
          overriding system value
          select (array['slack','teams','local'])[1 + g % 3], 'W1', 'U' || g, 'Person ' || g,
            (case when g <= 30 then 'agent' else 'requester' end)::role,
            (case when g <= 30 then (array['tier1','tier2','tier3'])[1 + g % 3] end)::tier,
            ${end} - interval '400 days'
          from generate_series(${lo}::int, ${hi}::int) g`),
    },
    {
      name: 'tickets',
      total: s.tickets,
      chunk: 50_000,
      run: (db, lo, hi) =>
        db.execute(sql`insert into tickets (id, requester_id, subject, description, tier, priority, status, assignee_id,
            origin, response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at, created_at, updated_at, version)
          overriding system value
          select g, ${requester('g')}, q[1 + g % ${questions.length}], 'seeded', x.tier::tier, x.priority::priority,
            (case when x.resolved_at is null then (array['new','in_progress','waiting'])[1 + g % 3]
              when g % 3 = 0 then 'closed' else 'resolved' end)::ticket_status,
            1 + g % 30, ${place('g')}, x.created_at + interval '4 hours', x.created_at + interval '3 days',
            x.created_at + random() * interval '6 hours', x.resolved_at,
            case when g % 3 = 0 then x.resolved_at + interval '2 days' end,
            x.created_at, coalesce(x.resolved_at, x.created_at), 3
          from (select g, ${spread('g', s.tickets)} as created_at from generate_series(${lo}::int, ${hi}::int) g) c
          cross join lateral (select
            case when random() < 0.7 then 'tier1' when random() < 0.67 then 'tier2' when random() < 0.9 then 'tier3' else 'vendor' end as tier,
            case when random() < 0.02 then 'P1' when random() < 0.1 then 'P2' when random() < 0.7 then 'P3' else 'P4' end as priority,
            case when random() < 0.96 and c.created_at < ${end} - interval '3 days' then c.created_at + random() * interval '72 hours' end as resolved_at,
            c.created_at) x
          cross join (select ${q} as q) qs`),
    },
    {
      name: 'ticket events',
      total: s.tickets,
      chunk: 50_000,
      run: (db, lo, hi) =>
        db.execute(sql`insert into ticket_events (ticket_id, actor_id, kind, from_value, to_value, platform, at)
          select t.id, e.actor, e.kind, e.from_value, e.to_value, (t.origin->>'platform'), e.at
          from tickets t cross join lateral (values
            (1, t.requester_id, 'opened', null::text, 'new', t.created_at),
            (2, t.assignee_id, 'claimed', 'new', 'in_progress', t.first_responded_at),
            (3, t.assignee_id, case when t.tier = 'vendor' then 'vendor' else 'escalated' end, 'tier1', t.tier::text,
              t.first_responded_at + interval '10 minutes'),
            (4, t.assignee_id, 'priority', 'P3', t.priority::text, t.created_at + interval '5 minutes'),
            (5, t.assignee_id, 'resolved', 'in_progress', 'resolved', t.resolved_at),
            (6, null::int, 'closed', 'resolved', 'closed', t.closed_at)
          ) as e(n, actor, kind, from_value, to_value, at)
          where t.id between ${lo} and ${hi} and e.at is not null
            and (e.n <> 3 or t.tier <> 'tier1') and (e.n <> 4 or t.priority <> 'P3')
          order by t.id, e.n`),
    },
    {
      name: 'interactions',
      total: s.interactions,
      chunk: 200_000,
      run: (db, lo, hi) =>
        db.execute(sql`insert into interactions (person_id, place, question, outcome, article_id, confidence, candidates,
            helpful, feedback_at, created_at)
          select ${requester('g')}, ${place('g')}, q[1 + (g * 13) % ${questions.length}] || case when g % 4 = 0 then '?' else '' end,
            x.outcome::answer_outcome,
            case when x.outcome = 'answered' or (x.outcome = 'clarified' and g % 2 = 0) then ${pick('g * 7')} end,
            random(), '[]'::jsonb,
            case when x.outcome = 'answered' and x.r < 0.3 then x.r < 0.24 end,
            case when x.outcome = 'answered' and x.r < 0.3 then x.created_at + interval '1 minute' end,
            x.created_at
          from (select g, ${spread('g', s.interactions)} as created_at, random() as r,
              case when g % 20 < 14 then 'answered' when g % 20 < 17 then 'clarified' else 'declined' end as outcome
            from generate_series(${lo}::bigint, ${hi}::bigint) g) x
          cross join (select ${q} as q) qs`),
    },
    {
      name: 'survey asks',
      total: s.tickets,
      chunk: 100_000,
      // Every fourth resolved ticket is asked; asks get ids in ticket order.
      run: (db, lo, hi) =>
        db.execute(sql`insert into survey_asks (kind, person_id, ticket_id, ticket_version, resolved_at, place, asked_at, expires_at, sent_at)
          select 'csat', t.requester_id, t.id, t.version, t.resolved_at, t.origin, t.resolved_at, t.resolved_at + interval '7 days', t.resolved_at
          from tickets t where t.id between ${lo} and ${hi} and t.resolved_at is not null
            and t.id % 4 = 0
          order by t.id`),
    },
    {
      name: 'survey answers and feedback',
      // Chunks of ask ids: there are at most a quarter as many asks as tickets.
      total: Math.ceil(s.tickets / 4),
      chunk: 50_000,
      run: async (db, lo, hi) => {
        // Five in six asks answered (those whose id is not a multiple of 6): 200 k answers at scale 1.
        const answered = sql`(select a.*, 1 + (a.id % 5 + a.id % 7) % 5 as score from survey_asks a
          where a.id % 6 <> 0 and a.id between ${lo} and ${hi}) a`;
        await db.execute(sql`insert into survey_answers (ask_id, question, score, answered_at)
          select a.id, 'rating', a.score, a.asked_at + interval '2 hours' from ${answered} order by a.id`);
        await db.execute(sql`insert into feedback (person_id, source, ticket_id, ask_id, rating, comment, class, sentiment,
            classified_by, follow_up_ticket_id, created_at)
          select a.person_id, 'csat', a.ticket_id, a.id, a.score, case when a.score <= 2 then 'slow' end,
            case when a.score <= 2 then 'concern' when a.score >= 4 then 'appreciation' end, 0, 'rules',
            case when a.score = 1 and a.ticket_id < ${s.tickets} then a.ticket_id + 1 end, a.asked_at + interval '2 hours'
          from ${answered} order by a.id`);
      },
    },
    {
      name: 'SLA breaches',
      total: s.tickets,
      chunk: 200_000,
      run: (db, lo, hi) =>
        db.execute(sql`insert into sla_breaches (ticket_id, target, due_at, breached_at, tier, action, capa, capa_at)
          select t.id, 'response', t.response_due_at, t.response_due_at, 'tier1', 'escalated',
            case when t.id % 2 = 0 then 'rota' end, case when t.id % 2 = 0 then t.response_due_at + interval '1 day' end
          from tickets t where t.id between ${lo} and ${hi} and t.id % 25 = 0`),
    },
  ];
}

export async function finishSeed(db: Db): Promise<void> {
  for (const table of ['people', 'tickets'])
    await db.execute(
      sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
    );
  // What autovacuum would have done by the time a year had passed: visibility map and statistics.
  await db.execute(sql`vacuum analyze`);
}
