import type { Tier } from '../model/tiers.ts';
import { literal } from './plain-text.ts';
import { tierLabels } from './tier-names.ts';

/** Short quotes keep a notice a notice: the whole text is one `history` away. */
const quote = (text: string) => `“${literal(text.length > 300 ? `${text.slice(0, 299)}…` : text)}”`;

/** What a ticket's assignee is told when someone else changes it: one sentence per kind of change. */
export type AssigneeNews =
  | { kind: 'requester_replied'; text: string; clockRuns: boolean }
  | { kind: 'reopened'; reason?: string | null }
  | { kind: 'assigned_to_you' }
  | { kind: 'given_away'; to: string }
  | { kind: 'moved'; tier: Tier; reason?: string | null }
  | { kind: 'vendor'; vendor: string }
  | { kind: 'priority'; priority: string }
  | { kind: 'resolved'; text: string }
  | { kind: 'asked'; text: string }
  | { kind: 'replied'; text: string }
  | { kind: 'note'; text: string };

export const noticeCopy = {
  /** `who` did something to `ticket` (`**T-4** (subject)`), which its assignee should know. */
  assignee(news: AssigneeNews, who: string, ticket: string, ref: string): string {
    const by = `**${literal(who)}**`;
    switch (news.kind) {
      case 'requester_replied':
        return `💬 ${by} replied on ${ticket}: ${quote(news.text)}${news.clockRuns ? ' The SLA clock runs again.' : ''} Answer with \`reply ${ref} <text>\`.`;
      case 'reopened':
        return `↩️ ${by} reopened ${ticket}${news.reason ? `: ${quote(news.reason)}` : '.'} It is yours again.`;
      case 'assigned_to_you':
        return `📌 ${by} assigned ${ticket} to you.`;
      case 'given_away':
        return `${by} gave ${ticket} to ${literal(news.to)}; it is no longer yours.`;
      case 'moved':
        return `${by} moved ${ticket} to ${tierLabels[news.tier]}${news.reason ? `: ${quote(news.reason)}` : ''}. It waits there for someone to claim it; it is no longer yours.`;
      case 'vendor':
        return `${by} handed ${ticket} to ${literal(news.vendor)}.`;
      case 'priority':
        return `${by} changed ${ticket} to ${news.priority}.`;
      case 'resolved':
        return `✅ ${by} resolved ${ticket}: ${quote(news.text)}`;
      case 'asked':
        return `${by} asked the requester on ${ticket}: ${quote(news.text)}`;
      case 'replied':
        return `${by} wrote to the requester on ${ticket}: ${quote(news.text)}`;
      case 'note':
        return `📝 ${by} added a note on ${ticket}: ${quote(news.text)}`;
    }
  },
  /** The requester hears that someone took their ticket, or that it moved on (never why: that is internal). */
  claimed: (who: string, ticket: string) => `👋 **${literal(who)}** from the help desk is working on ${ticket} now.`,
  moved: (tier: Tier, ticket: string, ref: string) =>
    `${ticket} is with ${tierLabels[tier]} now; they will pick it up from here. \`status ${ref}\` shows where it stands.`,
};
