import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { deskKeys } from './digest-schema.ts';

/**
 * The desk's own secret called `name`, made on first use. Two processes starting together both try to write
 * one; the insert that loses does nothing and both read the one that won.
 */
export async function deskKey(db: DbOrTx, name: string): Promise<Buffer> {
  await db
    .insert(deskKeys)
    .values({ name, secret: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select({ secret: deskKeys.secret }).from(deskKeys).where(eq(deskKeys.name, name));
  if (!row) throw new Error(`desk key ${name} was neither written nor found`);
  return Buffer.from(row.secret, 'base64');
}
