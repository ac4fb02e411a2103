/** Every sentence about messages that could not be delivered, and about the outbox that retries them. */
export const deliveryCopy = {
  deliveries: {
    usage: '`deliveries` — messages the desk could not deliver: waiting, given up, the latest problems (admins)',
    refused: 'Only admins can see what could not be delivered.',
    heading: (days: number) => `**Deliveries** (undelivered messages; given up and delivered late: last ${days} days)`,
    counts: (c: { waiting: number; givenUp: number; deliveredLate: number }) =>
      `${c.waiting} waiting to be retried · ${c.givenUp} given up · ${c.deliveredLate} delivered after retrying`,
    sinceStart: (c: { failed: number; not_connected: number }) =>
      `Since this process started: ${c.failed} failed first tries, ${c.not_connected} for a platform not connected here.`,
    latestHeading: 'Latest problems:',
    none: 'Nothing is waiting: every message went out.',
    problem: (p: {
      what: string;
      about?: string;
      to: string;
      problem: string;
      attempts: number;
      next?: string;
      givenUp?: string;
    }) =>
      `- ${p.about ? `${p.about} ` : ''}${p.what} → ${p.to}: ${p.problem}, ${p.attempts} ${p.attempts === 1 ? 'try' : 'tries'}${p.next ? `, next ${p.next}` : ''}${p.givenUp ? `, given up ${p.givenUp}` : ''}`,
    unknownProblem: 'no reason given',
  },
};
