import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src/model/ticket.ts';
import { defaultSlaPolicies } from '../../../src/sla/sla-policy.ts';
import { slaChanges, slaClock } from '../../../src/sla/ticket-clock.ts';

const iso = (s: string) => new Date(s);
// Friday 16:00 London (GMT in November).
const opened = iso('2026-11-20T16:00:00Z');

function ticket(overrides: Partial<Ticket>): Ticket {
  return {
    id: 1,
    requesterId: 1,
    subject: 's',
    description: 'd',
    tier: 'tier1',
    priority: 'P2',
    status: 'in_progress',
    assigneeId: 2,
    origin: { platform: 'local', workspace: 'local', channel: '@a' },
    sourceInteractionId: null,
    statusMessage: null,
    queueMessage: null,
    vendorName: null,
    vendorRef: null,
    ...slaClock(defaultSlaPolicies, 'P2', opened),
    responseWarnedAt: null,
    resolutionWarnedAt: null,
    responseBreachedAt: null,
    resolutionBreachedAt: null,
    staleRemindedAt: null,
    firstRespondedAt: null,
    slaPausedAt: null,
    resolvedAt: null,
    closedAt: null,
    archivedAt: null,
    createdAt: opened,
    updatedAt: opened,
    version: 1,
    ...overrides,
  };
}

describe('slaClock', () => {
  it('gives a P2 opened Friday 16:00 its resolution Monday 16:00 and its warning at 75%', () => {
    expect(slaClock(defaultSlaPolicies, 'P2', opened)).toEqual({
      responseDueAt: iso('2026-11-20T16:30:00Z'),
      resolutionDueAt: iso('2026-11-23T16:00:00Z'),
      responseWarnAt: iso('2026-11-20T16:22:30Z'),
      resolutionWarnAt: iso('2026-11-23T14:00:00Z'),
    });
  });
});

describe('slaChanges', () => {
  it('moves every open target by the working time waited when the wait ends', () => {
    const waiting = ticket({ slaPausedAt: iso('2026-11-23T10:00:00Z'), firstRespondedAt: iso('2026-11-20T16:10:00Z') });
    expect(slaChanges(defaultSlaPolicies, waiting, { slaPausedAt: null }, iso('2026-11-23T12:00:00Z'))).toEqual({
      resolutionDueAt: iso('2026-11-24T10:00:00Z'),
      resolutionWarnAt: iso('2026-11-23T16:00:00Z'),
    });
  });

  it('moves the response target too while no one has answered yet', () => {
    const waiting = ticket({ slaPausedAt: iso('2026-11-20T16:05:00Z') });
    const changes = slaChanges(defaultSlaPolicies, waiting, { slaPausedAt: null }, iso('2026-11-20T16:25:00Z'));
    expect(changes.responseDueAt).toEqual(iso('2026-11-20T16:50:00Z'));
  });

  it('restarts the targets from the opening on a new priority, and leaves other changes alone', () => {
    const p1 = slaChanges(defaultSlaPolicies, ticket({}), { priority: 'P1' }, iso('2026-11-21T09:00:00Z'));
    expect(p1.resolutionDueAt).toEqual(iso('2026-11-20T20:00:00Z'));
    expect(slaChanges(defaultSlaPolicies, ticket({}), { status: 'resolved' }, iso('2026-11-21T09:00:00Z'))).toEqual({});
  });
});
