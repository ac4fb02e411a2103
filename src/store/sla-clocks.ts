import { and, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Ticket } from '../model/ticket.ts';
import type { DbOrTx } from './db.ts';
import { tickets } from './schema.ts';
import type { SlaTarget } from './sla-breaches.ts';

/**
 * The SLA monitor's queries. Each action first claims its ticket with an update that only one process can
 * win (`… where flag is null`), so several replicas sweeping at once, or a sweep run again after a crash,
 * never warn, escalate, close or remind twice.
 */

/** Per target: the columns to compare, and the property names of the once-only flags to set. */
const targets = {
  response: {
    warnAt: tickets.responseWarnAt,
    warned: tickets.responseWarnedAt,
    warnedKey: 'responseWarnedAt',
    dueAt: tickets.responseDueAt,
    breached: tickets.responseBreachedAt,
    breachedKey: 'responseBreachedAt',
  },
  resolution: {
    warnAt: tickets.resolutionWarnAt,
    warned: tickets.resolutionWarnedAt,
    warnedKey: 'resolutionWarnedAt',
    dueAt: tickets.resolutionDueAt,
    breached: tickets.resolutionBreachedAt,
    breachedKey: 'resolutionBreachedAt',
  },
} as const;

/** How many tickets one pass takes on per kind of action; the next pass takes the rest. */
const batch = 200;

/** Clocks run for tickets someone should be working on: not finished, not waiting on the requester. */
const running = (target: SlaTarget): SQL[] => [
  inArray(tickets.status, ['new', 'in_progress']),
  isNull(tickets.slaPausedAt),
  isNull(tickets.archivedAt),
  ...(target === 'response' ? [isNull(tickets.firstRespondedAt)] : []),
];

async function ids(db: DbOrTx, where: SQL[]): Promise<number[]> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(...where))
    .orderBy(tickets.id)
    .limit(batch);
  return rows.map((r) => r.id);
}

export function ticketsToWarn(db: DbOrTx, target: SlaTarget, now: Date): Promise<number[]> {
  const c = targets[target];
  return ids(db, [...running(target), lte(c.warnAt, now), isNull(c.warned), isNull(c.breached)]);
}

export function ticketsBreached(db: DbOrTx, target: SlaTarget, now: Date): Promise<number[]> {
  const c = targets[target];
  return ids(db, [...running(target), lte(c.dueAt, now), isNull(c.breached)]);
}

export function ticketsToClose(db: DbOrTx, resolvedBefore: Date): Promise<number[]> {
  return ids(db, [eq(tickets.status, 'resolved'), lte(tickets.resolvedAt, resolvedBefore)]);
}

/** Reminded once per quiet spell: again only after the ticket changed since the last reminder. */
const notRemindedSinceChange = () =>
  or(isNull(tickets.staleRemindedAt), sql`${tickets.staleRemindedAt} < ${tickets.updatedAt}`) as SQL;

export function staleTickets(db: DbOrTx, untouchedSince: Date): Promise<number[]> {
  return ids(db, [
    eq(tickets.status, 'in_progress'),
    isNotNull(tickets.assigneeId),
    lte(tickets.updatedAt, untouchedSince),
    notRemindedSinceChange(),
  ]);
}

/** Sets the warning flag; only the one caller whose update sets it gets the ticket back. */
export async function claimWarning(db: DbOrTx, id: number, target: SlaTarget, now: Date): Promise<Ticket | undefined> {
  const c = targets[target];
  const [ticket] = await db
    .update(tickets)
    .set({ [c.warnedKey]: now })
    .where(and(eq(tickets.id, id), isNull(c.warned)))
    .returning();
  return ticket;
}

export async function claimBreach(db: DbOrTx, id: number, target: SlaTarget, now: Date): Promise<Ticket | undefined> {
  const c = targets[target];
  const [ticket] = await db
    .update(tickets)
    .set({ [c.breachedKey]: now })
    .where(and(eq(tickets.id, id), isNull(c.breached)))
    .returning();
  return ticket;
}

export async function claimStaleReminder(db: DbOrTx, id: number, now: Date): Promise<Ticket | undefined> {
  const [ticket] = await db
    .update(tickets)
    .set({ staleRemindedAt: now })
    .where(and(eq(tickets.id, id), notRemindedSinceChange()))
    .returning();
  return ticket;
}
