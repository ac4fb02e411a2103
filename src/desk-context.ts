import type { Clock } from './clock.ts';
import type { TicketChanged } from './commands/feature.ts';
import type { Delivery } from './delivery.ts';
import type { Synthesizer } from './knowledge/answers/synthesize-answer.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import type { Logger } from './log.ts';
import type { Meter } from './meter.ts';
import type { Tier } from './model/tiers.ts';
import type { SlaPolicies } from './sla/sla-policy.ts';
import type { Db } from './store/db.ts';

/** Where each tier's queue cards are posted, as `platform:address`; tier 1 always has one. */
export type Queues = { tier1: string } & Partial<Record<Exclude<Tier, 'tier1'>, string>>;

/**
 * What more than one feature uses while handling an event. A feature's own settings (the sweep's timers,
 * a survey's schedule) stay in that feature, given when it is created, so a new feature adds nothing here.
 */
export interface DeskContext {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Counts and times what the desk does, for /metrics; a no-op when nothing watches. */
  meter: Meter;
  /** Every proactive message goes out through here, and says whether it did. */
  delivery: Delivery;
  kb: KnowledgeBase;
  /** Rebuilds the knowledge base from its articles and the learned phrasings still in use. */
  reloadKnowledge(): Promise<void>;
  /** Where `kb draft` writes drafts for review, outside the live articles. Unset: no drafts. */
  draftsDir?: string;
  /** Composes answers from the top articles, or (not configured) leaves them as the articles themselves. */
  synthesize: Synthesizer;
  /** The question's embedding, to rank by meaning too; nothing when embeddings are off, failing or slow. */
  embedQuestion(question: string): Promise<readonly number[] | undefined>;
  /** Where each tier's queue cards go (`queue set` overrides them at run time). */
  queues: Queues;
  /** Response and resolution targets per priority, and the business calendar they run on. */
  sla: SlaPolicies;
  /** Tells every feature that listens (surveys) that a ticket changed; never throws. */
  ticketChanged(change: TicketChanged): Promise<void>;
  /** The desk's address as people reach it (PUBLIC_URL), without a trailing slash: answers link article pages. */
  publicUrl?: string;
}
