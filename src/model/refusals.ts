import type { TicketStatus } from './ticket.ts';
import type { Tier } from './tiers.ts';

/**
 * Why a change to a ticket was refused: a value, not an exception. `messages/ticket-copy.ts` turns each code
 * into one polite sentence.
 */
export type Refusal =
  | { code: 'not_staff' }
  | { code: 'other_tier'; tier: Tier }
  | { code: 'already_claimed'; by: string }
  | { code: 'already_yours' }
  | { code: 'assignee_not_staff'; name: string }
  | { code: 'finished'; status: TicketStatus }
  | { code: 'not_finished' }
  | { code: 'not_requester' }
  | { code: 'no_higher_tier' }
  | { code: 'no_lower_tier' }
  | { code: 'not_higher'; from: Tier; to: Tier }
  | { code: 'not_closed' }
  | { code: 'unchanged' };

/** What applying a change can add: the ticket is not there (for this person), or it changed underfoot. */
export type ChangeRefusal = Refusal | { code: 'not_found' } | { code: 'changed' };
