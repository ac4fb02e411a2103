import { describe, expect, it } from 'vitest';
import { transition } from '../../../src/tickets/ticket.ts';
import type { Actor, TicketState } from '../../../src/tickets/ticket-change.ts';

const now = new Date('2026-11-23T10:00:00Z');
const requester: Actor = { id: 1, name: 'Rita', role: 'requester', tier: null };
const ann: Actor = { id: 2, name: 'Ann', role: 'agent', tier: 'tier1' };
const ben: Actor = { id: 3, name: 'Ben', role: 'agent', tier: 'tier1' };
const tess: Actor = { id: 4, name: 'Tess', role: 'agent', tier: 'tier2' };
const lead: Actor = { id: 5, name: 'Lee', role: 'lead', tier: null };

const fresh: TicketState = {
  status: 'new',
  tier: 'tier1',
  priority: 'P3',
  assigneeId: null,
  requesterId: 1,
  firstRespondedAt: null,
  slaPausedAt: null,
};
const held: TicketState = {
  ...fresh,
  status: 'in_progress',
  assigneeId: 2,
  assigneeName: 'Ann',
  firstRespondedAt: now,
};
const resolved: TicketState = { ...held, status: 'resolved' };

describe('claim', () => {
  it('gives an unclaimed ticket to the agent, starts work and stops the response clock', () => {
    expect(transition(fresh, { kind: 'claim' }, ann, now)).toEqual({
      ok: true,
      patch: { assigneeId: 2, status: 'in_progress', firstRespondedAt: now },
      events: [{ kind: 'claimed', from: 'new', to: 'Ann' }],
      // The requester hears who took it.
      notice: { kind: 'claimed', by: 'Ann' },
    });
  });

  it.each([
    ['a requester', fresh, requester, { code: 'not_staff' }],
    ['an agent of another tier', fresh, tess, { code: 'other_tier', tier: 'tier1' }],
    ['someone when it is held', held, ben, { code: 'already_claimed', by: 'Ann' }],
    ['its holder again', held, ann, { code: 'already_yours' }],
    ['anyone when resolved', resolved, ben, { code: 'finished', status: 'resolved' }],
  ])('refuses %s', (_who, ticket, actor, refusal) => {
    expect(transition(ticket, { kind: 'claim' }, actor, now)).toEqual({ ok: false, refusal });
  });

  it('lets a lead claim in any tier', () => {
    expect(transition({ ...fresh, tier: 'tier3' }, { kind: 'claim' }, lead, now).ok).toBe(true);
  });
});

describe('assign', () => {
  it('assigns to staff and refuses to assign to a requester or to the same person', () => {
    expect(transition(fresh, { kind: 'assign', to: ben }, ann, now)).toMatchObject({
      ok: true,
      patch: { assigneeId: 3, status: 'in_progress' },
      events: [{ kind: 'assigned', from: null, to: 'Ben' }],
    });
    expect(transition(fresh, { kind: 'assign', to: requester }, ann, now)).toEqual({
      ok: false,
      refusal: { code: 'assignee_not_staff', name: 'Rita' },
    });
    expect(transition(held, { kind: 'assign', to: ann }, lead, now)).toEqual({
      ok: false,
      refusal: { code: 'unchanged' },
    });
  });
});

describe('escalate and deescalate', () => {
  it('moves a ticket up one tier by default, back into that queue, with the reason as handoff', () => {
    expect(transition(held, { kind: 'escalate', reason: 'needs a DB admin' }, ann, now)).toEqual({
      ok: true,
      patch: { tier: 'tier2', assigneeId: null, status: 'new' },
      events: [{ kind: 'escalated', from: 'tier1', to: 'tier2', reason: 'needs a DB admin' }],
      // The requester hears where it went, not the handoff note.
      notice: { kind: 'moved', tier: 'tier2' },
      requeue: true,
    });
  });

  it('can jump to a named tier, but only upwards, and not past the vendor', () => {
    expect(transition(held, { kind: 'escalate', to: 'tier3', reason: 'r' }, ann, now)).toMatchObject({
      ok: true,
      patch: { tier: 'tier3' },
    });
    expect(transition({ ...held, tier: 'tier2' }, { kind: 'escalate', to: 'tier1', reason: 'r' }, lead, now)).toEqual({
      ok: false,
      refusal: { code: 'not_higher', from: 'tier2', to: 'tier1' },
    });
    expect(transition({ ...held, tier: 'vendor' }, { kind: 'escalate', reason: 'r' }, lead, now)).toEqual({
      ok: false,
      refusal: { code: 'no_higher_tier' },
    });
  });

  it('keeps a waiting ticket waiting when it changes tier', () => {
    const waiting: TicketState = { ...held, status: 'waiting', slaPausedAt: now };
    expect(transition(waiting, { kind: 'escalate', reason: 'r' }, ann, now)).toMatchObject({
      patch: { status: 'waiting' },
    });
  });

  it('moves a ticket down one tier, and refuses below tier 1', () => {
    expect(transition({ ...held, tier: 'tier2' }, { kind: 'deescalate' }, tess, now)).toMatchObject({
      ok: true,
      patch: { tier: 'tier1', assigneeId: null, status: 'new' },
      requeue: true,
    });
    expect(transition(held, { kind: 'deescalate' }, ann, now)).toEqual({
      ok: false,
      refusal: { code: 'no_lower_tier' },
    });
  });
});

describe('waiting on the requester', () => {
  it('pauses the SLA clock and asks the requester', () => {
    expect(transition(held, { kind: 'wait', question: 'Which printer?' }, ann, now)).toEqual({
      ok: true,
      patch: { status: 'waiting', slaPausedAt: now },
      events: [{ kind: 'waiting', from: 'in_progress', to: 'waiting', reason: 'Which printer?' }],
      notice: { kind: 'question', text: 'Which printer?' },
    });
  });

  it("resumes on the requester's answer, and only theirs", () => {
    const waiting: TicketState = { ...held, status: 'waiting', slaPausedAt: now };
    expect(transition(waiting, { kind: 'requester_reply', text: 'Floor 3' }, requester, now)).toEqual({
      ok: true,
      patch: { status: 'in_progress', slaPausedAt: null },
      events: [{ kind: 'requester_replied', from: 'waiting', to: 'in_progress', reason: 'Floor 3' }],
    });
    expect(transition(waiting, { kind: 'requester_reply', text: 'x' }, ben, now)).toEqual({
      ok: false,
      refusal: { code: 'not_requester' },
    });
  });

  it('records a requester message on a ticket that is not waiting without changing its state', () => {
    expect(transition(held, { kind: 'requester_reply', text: 'any news?' }, requester, now)).toMatchObject({
      ok: true,
      patch: {},
    });
  });
});

describe('resolve, reopen and close', () => {
  it('resolves with a resolution the requester is told', () => {
    expect(transition(held, { kind: 'resolve', resolution: 'Reset the spooler' }, ann, now)).toEqual({
      ok: true,
      patch: { status: 'resolved', resolvedAt: now, slaPausedAt: null },
      events: [{ kind: 'resolved', from: 'in_progress', to: 'resolved', reason: 'Reset the spooler' }],
      notice: { kind: 'resolved', text: 'Reset the spooler' },
    });
    expect(transition(resolved, { kind: 'resolve', resolution: 'again' }, ann, now)).toEqual({
      ok: false,
      refusal: { code: 'finished', status: 'resolved' },
    });
  });

  it('reopens for the requester or staff, back to whoever held it', () => {
    expect(transition(resolved, { kind: 'reopen' }, requester, now)).toMatchObject({
      ok: true,
      patch: { status: 'in_progress', resolvedAt: null, closedAt: null },
    });
    expect(transition({ ...resolved, assigneeId: null }, { kind: 'reopen' }, ann, now)).toMatchObject({
      patch: { status: 'new' },
    });
    expect(transition(resolved, { kind: 'reopen' }, { ...requester, id: 99 }, now)).toEqual({
      ok: false,
      refusal: { code: 'not_requester' },
    });
    expect(transition(held, { kind: 'reopen' }, requester, now)).toEqual({
      ok: false,
      refusal: { code: 'not_finished' },
    });
  });

  it('reopens into the queue, unassigned, when its assignee has left the help desk', () => {
    expect(transition({ ...resolved, assigneeOnDesk: false }, { kind: 'reopen' }, requester, now)).toMatchObject({
      ok: true,
      patch: { status: 'new', assigneeId: null, resolvedAt: null },
      requeue: true,
    });
    expect(transition({ ...resolved, assigneeOnDesk: true }, { kind: 'reopen' }, requester, now)).not.toHaveProperty(
      'requeue',
    );
  });

  it('closes only resolved tickets', () => {
    expect(transition(resolved, { kind: 'close' }, lead, now)).toMatchObject({
      ok: true,
      patch: { status: 'closed', closedAt: now },
    });
    expect(transition(held, { kind: 'close' }, lead, now)).toEqual({ ok: false, refusal: { code: 'not_finished' } });
  });
});

describe('notes, replies, priority and vendor', () => {
  it('records an internal note without telling the requester', () => {
    const result = transition(held, { kind: 'note', text: 'User is VIP' }, ann, now);
    expect(result).toEqual({ ok: true, patch: {}, events: [{ kind: 'note', reason: 'User is VIP' }] });
    expect(transition(held, { kind: 'note', text: 'x' }, requester, now)).toEqual({
      ok: false,
      refusal: { code: 'not_staff' },
    });
  });

  it('sends an agent reply to the requester and counts it as the first response', () => {
    expect(transition(fresh, { kind: 'reply', text: 'On it' }, ann, now)).toEqual({
      ok: true,
      patch: { firstRespondedAt: now },
      events: [{ kind: 'agent_replied', reason: 'On it' }],
      notice: { kind: 'reply', text: 'On it' },
    });
  });

  it('changes priority, refusing the same one', () => {
    expect(transition(held, { kind: 'priority', to: 'P1' }, ann, now)).toMatchObject({
      ok: true,
      patch: { priority: 'P1' },
      events: [{ kind: 'priority', from: 'P3', to: 'P1' }],
    });
    expect(transition(held, { kind: 'priority', to: 'P3' }, ann, now)).toEqual({
      ok: false,
      refusal: { code: 'unchanged' },
    });
  });

  it("hands a ticket to a vendor with the vendor's case reference", () => {
    expect(transition(held, { kind: 'vendor', vendor: 'Acme', ref: 'CASE-7' }, ann, now)).toMatchObject({
      ok: true,
      patch: { tier: 'vendor', vendorName: 'Acme', vendorRef: 'CASE-7' },
      events: [{ kind: 'vendor', from: 'tier1', to: 'vendor', reason: 'Acme case CASE-7' }],
      requeue: true,
    });
  });
});

describe('archive', () => {
  it('hides closed tickets only, and only for the help desk', () => {
    const closed: TicketState = { ...resolved, status: 'closed' };
    expect(transition(closed, { kind: 'archive' }, ann, now)).toEqual({
      ok: true,
      patch: { archivedAt: now },
      events: [{ kind: 'archived' }],
    });
    expect(transition(resolved, { kind: 'archive' }, ann, now)).toEqual({ ok: false, refusal: { code: 'not_closed' } });
    expect(transition(closed, { kind: 'archive' }, requester, now)).toEqual({
      ok: false,
      refusal: { code: 'not_staff' },
    });
  });
});
