import { describe, expect, it } from 'vitest';
import { toBlockKit } from '../../../adapters/slack/render.ts';
import { toAdaptiveCard } from '../../../adapters/teams/render.ts';
import { toHistoryMessage } from '../../../src/messages/history-view.ts';
import type { Message } from '../../../src/messages/message.ts';
import { noticeCopy } from '../../../src/messages/notice-copy.ts';
import { toRequesterUpdateMessage } from '../../../src/messages/notice-view.ts';
import { toWaitingTicketsMessage } from '../../../src/messages/queue-view.ts';
import { toSlaBreachMessage, toSlaWarningMessage, toStaleReminderMessage } from '../../../src/messages/sla-view.ts';
import {
  toQueueCardMessage,
  toRequesterNoticeMessage,
  toStaffTicketMessage,
} from '../../../src/messages/ticket-view.ts';
import type { Ticket } from '../../../src/model/ticket.ts';

/** What someone can type as their chat display name, or as a ticket's subject. */
const name = '[Verify your account](https://evil.example/login)';
const subject = '[IT: approve my reset here](https://evil.example/reset)';
const at = new Date('2026-11-23T09:00:00Z');

const ticket: Ticket = {
  id: 7,
  requesterId: 1,
  subject,
  description: 'My laptop will not start.',
  tier: 'tier1',
  priority: 'P2',
  status: 'in_progress',
  assigneeId: 2,
  origin: { platform: 'slack', workspace: 'T0TIERDESK', channel: 'DU0MALLORY', thread: '1720000000.000100' },
  sourceInteractionId: null,
  statusMessage: null,
  queueMessage: null,
  vendorName: null,
  vendorRef: null,
  responseDueAt: at,
  resolutionDueAt: at,
  responseWarnAt: null,
  resolutionWarnAt: null,
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
  createdAt: at,
  updatedAt: at,
  version: 1,
};

/** A live link in Slack's mrkdwn, or in the markdown an Adaptive Card's TextBlock and FactSet render. */
const slackLink = /<https:\/\/evil\.example\/[^>]*\|/;
const cardLink = /\[[^\]]*\]\(https:\/\/evil\.example/;

function expectNoLiveLink(message: Message, words: string[]) {
  const slack = JSON.stringify(toBlockKit(message).blocks);
  expect(slack).not.toMatch(slackLink);
  const card = toAdaptiveCard(message).body.map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>);
  const shown = card.flatMap((e) => [
    String(e.text ?? ''),
    ...((e.facts as { value: string }[] | undefined) ?? []).map((f) => f.value),
  ]);
  for (const text of shown) expect(text).not.toMatch(cardLink);
  // The words stay as typed, so staff can see what was written.
  for (const w of words) expect(slack).toContain(w);
}

describe('link syntax typed by people, as staff and requesters see it on every platform', () => {
  it("keeps a requester's display name a name on the queue card, on Slack and Teams", () => {
    const card = toQueueCardMessage(ticket, { requester: name, assignee: name }, []);
    expectNoLiveLink(card, ['Verify your account', 'IT: approve my reset here']);
  });

  it("keeps the name of whoever replied a name in the requester's notice", () => {
    const notice = toRequesterNoticeMessage(ticket, { kind: 'reply', text: 'Try this' }, name);
    expectNoLiveLink(notice, ['Verify your account']);
  });

  it("keeps names and a requester's reply words in the staff view and the history", () => {
    expectNoLiveLink(toStaffTicketMessage(ticket, { requester: name, assignee: name }), ['Verify your account']);
    const history = toHistoryMessage(
      ticket,
      [{ at, who: name, kind: 'requester_replied', from: null, to: null, reason: `see ${name}` }],
      { reader: 'staff', timeZone: 'UTC', now: at },
    );
    expectNoLiveLink(history, ['Verify your account']);
  });

  it("keeps a ticket's subject words in SLA warnings, breaches and stale reminders", () => {
    for (const message of [
      toSlaWarningMessage(ticket, 'response'),
      toSlaBreachMessage(ticket, 'resolution', 'escalated'),
      toSlaBreachMessage(ticket, 'resolution', 'paged_lead'),
      toStaleReminderMessage(ticket),
    ]) {
      expectNoLiveLink(message, ['IT: approve my reset here']);
    }
  });

  it('keeps subjects and names inert in queue lists and change notices', () => {
    const claim = { label: 'Claim T-7', actionId: 'claim_ticket', value: '7' };
    expectNoLiveLink(toWaitingTicketsMessage('tier1', { shown: [{ ticket, claim }], total: 1 }, at), [
      'IT: approve my reset here',
    ]);
    expectNoLiveLink(toRequesterUpdateMessage(ticket, { kind: 'claimed', by: name }), ['Verify your account']);
    expectNoLiveLink(toRequesterUpdateMessage(ticket, { kind: 'moved', tier: 'tier2' }), ['IT: approve my reset here']);
    const text = noticeCopy.assignee({ kind: 'note', text: `see ${subject}` }, name, '**T-7**', 'T-7');
    expectNoLiveLink({ text, blocks: [{ kind: 'text', text }] }, ['Verify your account', 'IT: approve my reset here']);
  });

  it('says when a breached ticket moved to a tier with no queue, rather than that it waits there', () => {
    expect(toSlaBreachMessage({ ...ticket, tier: 'tier2' }, 'resolution', 'escalated', false).text).toMatch(
      /Tier 2, which has no queue: nobody there was told.*queue set tier2/,
    );
    expect(toSlaBreachMessage({ ...ticket, tier: 'tier2' }, 'resolution', 'escalated').text).toMatch(
      /waits in that queue/,
    );
  });
});
