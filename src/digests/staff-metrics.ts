import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Tier, tiers } from '../model/tiers.ts';
import type { DbOrTx } from '../store/db.ts';
import { count, queryRows } from './query-rows.ts';

/** Who is on the help desk now (roles are not kept in history, so this is today's team, whatever the period). */
export interface Staffing {
  agents: Record<Tier, number>;
  leads: number;
  admins: number;
}

const row = z.object({ role: z.enum(['agent', 'lead', 'admin']), tier: z.enum(tiers).nullable(), n: count });

export async function measureStaffing(db: DbOrTx): Promise<Staffing> {
  const rows = await queryRows(
    db,
    sql`select p.role, p.tier, count(*)::int as n from people p where p.role <> 'requester' group by p.role, p.tier`,
    row,
  );
  const agents = Object.fromEntries(tiers.map((t) => [t, 0])) as Record<Tier, number>;
  for (const r of rows) if (r.role === 'agent' && r.tier) agents[r.tier] += r.n;
  const ofRole = (role: 'lead' | 'admin') => rows.filter((r) => r.role === role).reduce((n, r) => n + r.n, 0);
  return { agents, leads: ofRole('lead'), admins: ofRole('admin') };
}
