/**
 * What the database-outage scenarios (db-restarts, db-partitions) report and hold the desk to: every request
 * sent while the database was away answered within 5 s, every acknowledged ticket stored, no exit.
 */
import postgres from 'postgres';
import { asksToTryAgain, type ChatRequest } from './chat-load.ts';

export interface Outage {
  /** When the fault began. */
  from: number;
  /** When the database could be reached again. */
  to: number;
}

export const answerWithinMs = 5000;

/** Ticket ids whose subject carries this run's token, by token. */
export async function ticketsStored(url: string, runId: string): Promise<Map<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: number; subject: string }[]>`
      select id, subject from tickets where subject like ${`%${runId}-%`}`;
    const found = new Map<string, number>();
    for (const row of rows) {
      const token = new RegExp(`${runId}-\\d+`).exec(row.subject)?.[0];
      if (token) found.set(token, row.id);
    }
    return found;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const during = (outages: Outage[], r: ChatRequest) => outages.some((o) => r.sentAt >= o.from && r.sentAt <= o.to);
const within = (r: ChatRequest, ms: number) => r.answeredAt !== undefined && r.answeredAt - r.sentAt <= ms;
const acknowledged = (requests: ChatRequest[]) => requests.filter((r) => r.ticketId !== undefined);
const lost = (requests: ChatRequest[], stored: Map<string, number>) =>
  acknowledged(requests).filter((r) => stored.get(r.token) !== r.ticketId);

export interface OutageRun {
  outages: Outage[];
  requests: ChatRequest[];
  stored: Map<string, number>;
  exits: number;
}

/** The lines after a scenario's own "did:" line. */
export function outageLines({ outages, requests, stored, exits }: OutageRun): string[] {
  const inOutage = requests.filter((r) => during(outages, r));
  const fast = inOutage.filter((r) => within(r, answerWithinMs));
  const unanswered = inOutage.filter((r) => r.answeredAt === undefined);
  const acked = acknowledged(requests);
  const unacked = [...stored.keys()].filter((t) => !acked.some((r) => r.token === t)).length;
  return [
    `process exits: ${exits}`,
    `requests during outage: ${inOutage.length}; answered within 5 s: ${fast.length} ` +
      `(asked to try again: ${inOutage.filter(asksToTryAgain).length}); no answer within 15 s: ${unanswered.length}`,
    `all requests: answered ${requests.filter((r) => r.answeredAt !== undefined).length}, ` +
      `over 5 s ${requests.filter((r) => !within(r, answerWithinMs)).length}, ` +
      `unanswered ${requests.filter((r) => r.answeredAt === undefined).length}`,
    `tickets acknowledged: ${acked.length}; found in the database: ${acked.length - lost(requests, stored).length}; ` +
      `lost: ${lost(requests, stored).length} (stored but not acknowledged: ${unacked})`,
  ];
}

export function outageHeld({ outages, requests, stored, exits }: OutageRun): boolean {
  const inOutage = requests.filter((r) => during(outages, r));
  return exits === 0 && inOutage.every((r) => within(r, answerWithinMs)) && lost(requests, stored).length === 0;
}
