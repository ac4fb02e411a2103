import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { conversationReferences } from './schema.ts';

/** Keeps the newest reference for a key: platforms refresh them (service URLs move). */
export async function saveConversationReference(
  db: DbOrTx,
  platform: string,
  key: string,
  reference: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await db
    .insert(conversationReferences)
    .values({ platform, key, reference, updatedAt: at })
    .onConflictDoUpdate({
      target: [conversationReferences.platform, conversationReferences.key],
      set: { reference, updatedAt: at },
    });
}

export async function findConversationReference(
  db: DbOrTx,
  platform: string,
  key: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ reference: conversationReferences.reference })
    .from(conversationReferences)
    .where(and(eq(conversationReferences.platform, platform), eq(conversationReferences.key, key)));
  return row?.reference;
}
