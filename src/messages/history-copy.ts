import { isTier } from '../model/tiers.ts';
import { platformNames, unreachedWhy } from './ticket-copy.ts';
import { tierNames } from './tier-names.ts';

/** One event of a ticket's history as stored: its kind, and what it changed from and to. */
export interface HistoryEvent {
  kind: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

/** Who reads the history: the requester is "you"; the help desk reads about "the requester". */
export type HistoryReader = 'requester' | 'staff';

const statusWords = (reader: HistoryReader): Record<string, string> => ({
  new: 'new, waiting for the help desk',
  in_progress: 'in progress',
  waiting: reader === 'requester' ? 'waiting for your reply' : "waiting for the requester's reply",
  resolved: 'resolved',
  closed: 'closed',
});

const tier = (value: string | null) => (value && isTier(value) ? tierNames[value] : (value ?? 'another tier'));
const target = (value: string | null) => (value === 'resolution' ? 'resolution' : 'response');

/** "requester replied", "SLA warning (response)": what happened, in words, without the reason. */
export function historyWhat(e: HistoryEvent, reader: HistoryReader): string {
  const status = (value: string | null) => (value ? (statusWords(reader)[value] ?? value) : 'open');
  switch (e.kind) {
    case 'opened':
      return 'opened the ticket';
    case 'claimed':
      return 'claimed it (in progress)';
    case 'assigned':
      return e.from ? `reassigned it from ${e.from} to ${e.to}` : `assigned it to ${e.to}`;
    case 'escalated':
      return `escalated it from ${tier(e.from)} to ${tier(e.to)}`;
    case 'deescalated':
      return `sent it back from ${tier(e.from)} to ${tier(e.to)}`;
    case 'vendor':
      return `handed it from ${tier(e.from)} to the vendor`;
    case 'waiting':
      return `asked the requester (${status('waiting')})`;
    case 'requester_replied':
      return e.from !== e.to ? `requester replied (${status(e.to)} again)` : 'requester replied';
    case 'agent_replied':
      return 'help desk replied';
    case 'resolved':
      return 'resolved it';
    case 'reopened':
      return `reopened it (${status(e.to)})`;
    case 'closed':
      return 'closed it';
    case 'archived':
      return 'archived it';
    case 'note':
      return 'internal note';
    case 'priority':
      return `priority changed from ${e.from} to ${e.to}`;
    case 'sla_warning':
      return `SLA warning (${target(e.to)}), 75% of the time used`;
    case 'sla_breach':
      return `SLA missed (${target(e.from)}), ${e.to === 'escalated' ? 'moved up a tier' : 'the leads were paged'}`;
    case 'requester_not_reached':
      return 'the requester could not be reached';
    case 'capa':
      return 'CAPA recorded';
    default:
      return e.kind.replace(/_/g, ' ');
  }
}

/** The stored reason, when it is written for the desk rather than by a person, in words. */
export function historyWhy(e: HistoryEvent): string | null {
  if (e.kind === 'sla_breach') return null;
  const unreached = e.kind === 'requester_not_reached' ? /^\w+ notice on (\w+): (\w+)$/.exec(e.reason ?? '') : null;
  if (unreached) {
    const [, platform = '', problem = ''] = unreached;
    return `on ${platformNames[platform] ?? platform}, ${unreachedWhy[problem] ?? problem.replace(/_/g, ' ')}`;
  }
  return e.reason;
}
