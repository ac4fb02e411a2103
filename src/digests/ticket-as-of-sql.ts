/**
 * A ticket's tier, priority and openness at a past moment, read back from its history: the row holds only
 * where it stands now, and last week's backlog must not change because a ticket was escalated this morning.
 * Every fragment speaks of the ticket as `t` (a `tickets` row) and its events as `e`.
 */
import { type SQL, sql } from 'drizzle-orm';
import { instant } from './query-rows.ts';

/** The events that move a ticket between tiers; each carries the old tier in `from` and the new in `to`. */
export const tierMoves = sql`('escalated', 'deescalated', 'vendor')`;
/** Moves up: an escalation, or a hand-over to a vendor from a tier below. */
export const escalations = sql`('escalated', 'vendor')`;

/**
 * The value a kind of change had set by the events `until` allows (say `e.at < $to`): the last one's `to`,
 * else the first one's `from` (what the ticket started with), else the row's own value (never changed).
 */
function valueAsOf(kinds: SQL, column: SQL, until: SQL): SQL {
  return sql`coalesce(
    (select e.to_value from ticket_events e where e.ticket_id = t.id and e.kind in ${kinds} and ${until} order by e.id desc limit 1),
    (select e.from_value from ticket_events e where e.ticket_id = t.id and e.kind in ${kinds} order by e.id limit 1),
    ${column}::text)`;
}

export const tierAsOf = (until: SQL) => valueAsOf(tierMoves, sql`t.tier`, until);
export const priorityAsOf = (until: SQL) => valueAsOf(sql`('priority')`, sql`t.priority`, until);
/** What a ticket was opened with. */
export const openingTier = tierAsOf(sql`false`);
export const openingPriority = priorityAsOf(sql`false`);

/**
 * Whether the ticket was open at `at`: opened before it, and not resolved or closed then (no such event
 * yet, or a reopen after the last of them).
 */
export function openAt(at: Date): SQL {
  return sql`(t.created_at < ${instant(at)} and coalesce(
    (select e.kind from ticket_events e where e.ticket_id = t.id and e.kind in ('resolved', 'closed', 'reopened') and e.at < ${instant(at)} order by e.id desc limit 1),
    'reopened') = 'reopened')`;
}

/**
 * A cheap, index-friendly superset of the tickets open at `at`: open now, or finished, reopened or closed
 * since. A ticket finished now with nothing of the sort since `at` was finished then too.
 */
export function mayHaveBeenOpenAt(at: Date): SQL {
  // Two index reads (tickets_open, ticket_events_kind_at) joined once, rather than a test of every ticket.
  return sql`t.id in (
    select o.id from tickets o where o.status in ('new', 'in_progress', 'waiting')
    union
    select e.ticket_id from ticket_events e where e.kind in ('resolved', 'closed', 'reopened') and e.at >= ${instant(at)})`;
}

/**
 * The tickets of `mayHaveBeenOpenAt`, as a table `t(id, created_at, tier, priority)`: the open ones read from
 * the index tickets_open alone (it carries those columns; the open tickets are scattered over a year of heap
 * pages), and those finished since `at` that are not open now by their key. The two parts never overlap.
 */
export function ticketsMayHaveBeenOpenAt(at: Date): SQL {
  return sql`(
    select o.id, o.created_at, o.tier, o.priority from tickets o where o.status in ('new', 'in_progress', 'waiting')
    union all
    select o.id, o.created_at, o.tier, o.priority from tickets o
      where o.status not in ('new', 'in_progress', 'waiting') and o.id in (
        select e.ticket_id from ticket_events e where e.kind in ('resolved', 'closed', 'reopened') and e.at >= ${instant(at)})) t`;
}

/** Tickets the desk opened itself to follow up a low score or a complaint, not asked for by the person. */
export const isFollowUp = sql`exists (select 1 from feedback f where f.follow_up_ticket_id = t.id)`;
