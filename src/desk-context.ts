import type { Clock } from './clock.ts';
import type { Queues } from './config.ts';
import type { Synthesizer } from './knowledge/answers/synthesize-answer.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import type { Logger } from './log.ts';
import type { Outboxes } from './outbox.ts';
import type { SlaPolicies } from './sla/sla-policy.ts';
import type { Db } from './store/db.ts';

/** What every handler of an inbound event may use. */
export interface DeskContext {
  db: Db;
  kb: KnowledgeBase;
  /** Rebuilds the knowledge base from its articles and the learned phrasings still in use. */
  reloadKnowledge(): Promise<void>;
  /** The folder the articles are read from; `kb draft` writes into its `drafts/`. Unset: no drafts. */
  knowledgeDir?: string;
  /** Composes answers from the top articles, or (not configured) leaves them as the articles themselves. */
  synthesize: Synthesizer;
  /** The question's embedding, to rank by meaning too; nothing when embeddings are off, failing or slow. */
  embedQuestion(question: string): Promise<readonly number[] | undefined>;
  outboxes: Outboxes;
  clock: Clock;
  log: Logger;
  /** Where each tier's queue cards go, as `platform:address`. */
  queues: Queues;
  /** Response and resolution targets per priority, and the business calendar they run on. */
  sla: SlaPolicies;
  /** When resolved tickets close by themselves, and when an untouched ticket earns a reminder. */
  timers: { autoCloseDays: number; staleAfterHours: number };
}
