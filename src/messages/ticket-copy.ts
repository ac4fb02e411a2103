import type { Priority } from '../model/priorities.ts';
import type { ChangeRefusal } from '../model/refusals.ts';
import type { Tier } from '../model/tiers.ts';
import { literal } from './plain-text.ts';
import { tierNames } from './tier-names.ts';

/** What a change that went through did, for the person who made it. */
export type ChangeDone =
  | { kind: 'claim' | 'wait' | 'requester_reply' | 'reply' | 'resolve' | 'reopen' | 'close' | 'note' | 'archive' }
  | { kind: 'assign'; to: string }
  /** `queued` false: the tier has no queue anywhere, so nobody there was told. */
  | { kind: 'escalate' | 'deescalate'; tier: Tier; queued?: boolean }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'vendor'; vendor: string; ref: string };

/** Buttons on a queue card for changes that need words: each answers with the command to finish. */
export type PromptCommand = 'assign' | 'escalate' | 'resolve';

/** Every sentence about tickets: refusals (one per code), what a change did, and how to follow a ticket. */
export const platformNames: Record<string, string> = { slack: 'Slack', teams: 'Teams', local: 'the local chat' };
/** Outbox problems that mean the requester cannot be reached, in words. */
export const unreachedWhy: Record<string, string> = {
  blocked_by_user: 'they have blocked the chat with the bot',
  bot_removed: 'the app was removed from that chat',
  never_talked: 'they have never chatted with the bot',
};

/** How to name someone on each platform: its own mention, or a full id (a typed name is never enough). */
const howToNamePeople: Record<string, string> = {
  slack: 'Mention them (type @ and pick their name, so Slack links it), or give a full id such as slack:T0123:U0456.',
  teams:
    'Mention them (type @ and pick their name, so Teams links it), or give a full id such as teams:<tenant id>:<their Entra object id>.',
  local: 'Use @name, or a full id such as local:alice or slack:T0123:U0456.',
};

export const ticketCopy = {
  refusal: (r: ChangeRefusal, ref: string): string => {
    switch (r.code) {
      case 'not_found':
        return `I couldn't find ${ref}. Type \`mine\` to list your tickets.`;
      case 'not_staff':
        return 'Sorry, only the help desk can do that. Ask an admin for a role if you need one.';
      case 'other_tier':
        return `${ref} is with ${tierNames[r.tier]}, which is not your tier. Ask a lead, or the ${tierNames[r.tier]} team.`;
      case 'already_claimed':
        return `${ref} is already being handled by ${literal(r.by)}.`;
      case 'already_yours':
        return `${ref} is already yours.`;
      case 'assignee_not_staff':
        return `${literal(r.name)} is not on the help desk, so ${ref} can't be assigned to them. An admin can add them with \`staff add\`.`;
      case 'finished':
        return `${ref} is already ${r.status}. Type \`reopen ${ref}\` first if it needs more work.`;
      case 'not_finished':
        return `${ref} is still open, so there is nothing to reopen.`;
      case 'not_requester':
        return `Only the person who asked, or the help desk, can do that on ${ref}.`;
      case 'no_higher_tier':
        return `${ref} is already with the vendor: there is no higher tier. A lead can take it from here.`;
      case 'no_lower_tier':
        return `${ref} is already with Tier 1: there is no lower tier.`;
      case 'not_higher':
        return `${ref} is with ${tierNames[r.from]}; escalation goes up, not to ${tierNames[r.to]}. Use \`deescalate ${ref}\` to send it back.`;
      case 'unchanged':
        return `${ref} already is that way: nothing changed.`;
      case 'not_closed':
        return `${ref} is not closed yet; only closed tickets can be archived.`;
      case 'changed':
        return `${ref} changed while I was updating it. Please look at it again and retry.`;
    }
  },
  /** `told` false: the requester could not be reached, so nothing here says they were. */
  done: (change: ChangeDone, ref: string, told = true): string => {
    switch (change.kind) {
      case 'claim':
        return told ? `${ref} is yours now. The requester sees it is being worked on.` : `${ref} is yours now.`;
      case 'assign':
        return `${ref} is assigned to ${literal(change.to)}.`;
      case 'escalate':
      case 'deescalate':
        return `${ref} moved to ${tierNames[change.tier]}, with your note as the handoff.${change.queued === false ? '' : ' It waits in that queue.'}`;
      case 'wait':
        return told
          ? `I've asked the requester on ${ref}. The SLA clock is paused until they answer.`
          : `${ref} waits on the requester; the SLA clock is paused until they answer.`;
      case 'requester_reply':
        return `Thanks, your answer is on ${ref}. The help desk will pick it up.`;
      case 'reply':
        return told ? `Your reply on ${ref} was sent to the requester.` : `Your reply is on ${ref}.`;
      case 'resolve':
        return told ? `${ref} is resolved and the requester has been told how.` : `${ref} is resolved.`;
      case 'reopen':
        return `${ref} is open again.`;
      case 'close':
        return `${ref} is closed.`;
      case 'note':
        return `Note added to ${ref}. Only the help desk sees it.`;
      case 'priority':
        return `${ref} is now ${change.priority}.`;
      case 'vendor':
        return `${ref} is with ${change.vendor} (case ${change.ref}).`;
      case 'archive':
        return `${ref} is archived: hidden from lists, kept in full.`;
    }
  },
  /** What the Assign…/Escalate…/Resolve… buttons answer: the command to finish, for that ticket. */
  prompt: (command: PromptCommand, ref: string) =>
    command === 'assign'
      ? `To assign ${ref}, type: \`assign ${ref} @person\``
      : command === 'escalate'
        ? `To escalate ${ref}, type: \`escalate ${ref} [tier2|tier3|vendor] <why, for the next tier>\``
        : `To resolve ${ref}, type: \`resolve ${ref} <what fixed it, for the requester>\``,
  /** A ticket moved to a tier whose queue is nowhere: nobody was told, and this is how to fix it. */
  noQueue: (tier: Tier) =>
    `⚠️ ${tierNames[tier]} has no queue, so nobody there was told. An admin or lead can set one: \`queue set ${tier} <platform:place>\`, or \`queue here ${tier}\` in the channel. Meanwhile \`queue ${tier}\` lists what waits there.`,
  promptLabels: { claim: 'Claim', assign: 'Assign…', escalate: 'Escalate…', resolve: 'Resolve…' },
  /** The requester's notice was refused for good (`blocked_by_user`, `bot_removed`): say so, plainly. */
  requesterNotReached: (ref: string, platform: string, problem: string | undefined) =>
    `⚠️ The requester could not be reached on ${platformNames[platform] ?? platform}${problem ? ` (${unreachedWhy[problem] ?? problem})` : ''}, so they have not been told. ${ref}'s history records it; please reach them another way.`,
  personNotFound: (who: string, platform: string) =>
    `I couldn't tell who "${who}" is. ${howToNamePeople[platform] ?? howToNamePeople.local}`,
  ticketNotFound: (ref: string) => `I couldn't find ${ref} among your tickets. Type \`mine\` to list them.`,
  ticketAlreadyOpen: (ref: string) =>
    `You already have ticket ${ref} for this question. Its status is kept up to date in my earlier message.`,
  noOpenTickets: "You have no open tickets. Type `ticket <what's wrong>` to open one.",
  noTickets: "You haven't opened any tickets yet. Type `ticket <what's wrong>` to open one.",
  openTicketsHeading: 'Your open tickets:',
  allTicketsHeading: 'Your tickets, newest first:',
  newTicketForm: {
    title: 'New ticket',
    submit: 'Open ticket',
    subject: 'What is wrong?',
    details: 'Details',
    detailsHint: 'What you tried, error messages, since when.',
    priority: 'Priority',
    priorities: {
      P1: 'P1 — everyone is blocked',
      P2: 'P2 — I am blocked',
      P3: 'P3 — it gets in my way',
      P4: 'P4 — a request, no rush',
    } satisfies Record<Priority, string>,
    noSubject: 'Please say in a few words what is wrong.',
    subjectTooLong: (max: number) => `Please keep the subject under ${max} characters.`,
    detailsTooLong: (max: number) => `Please keep the details under ${max} characters.`,
    noPriority: 'Please choose a priority.',
  },
  /** The description of a ticket opened from a question: what the help desk needs not to ask again. */
  fromQuestion: {
    notHelped: 'The person said the suggested answer did not help.',
    asked: 'The person asked for a human.',
    suggested: 'Articles the desk suggested:',
    noneFound: 'The desk found no matching article.',
    earlier: 'Earlier in this conversation:',
    noArticle: 'no article',
    feedback: { helpful: 'helpful', notHelpful: 'not helpful', none: 'no feedback' },
  },
  noCapaDue: (ref: string) => `${ref} has no missed SLA waiting for a write-up.`,
  capaRecorded: (ref: string, targets: string[]) => `Recorded the CAPA for ${ref} (${targets.join(' and ')} target).`,
};
