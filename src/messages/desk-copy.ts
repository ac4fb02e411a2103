import { literal } from './plain-text.ts';

const platformLabels: Record<string, string> = { slack: 'Slack', teams: 'Teams', local: 'local' };

/** Sentences for running the desk itself: who is on it, where queues are, what the knowledge base learned. */
export const deskCopy = {
  staff: {
    refused: 'Sorry, only admins can manage the help desk.',
    heading: 'The help desk:',
    notOnDesk: (who: string) => `${who} is not on the help desk.`,
    cannotRemoveSelf: "You can't remove yourself; ask another admin.",
    removed: (name: string) => `${literal(name)} is no longer on the help desk. Their tickets stay as they are.`,
    added: (name: string, role: string) => `${literal(name)} is now on the help desk as ${role}.`,
    roleLabel: (role: string, tier: string | null) => (role === 'agent' ? `agent, ${tier ?? 'no tier'}` : role),
    /** "Carol (local)"; someone whose name the platform has not told the desk yet is named by their full id. */
    member: (p: { platform: string; workspace: string; userId: string; displayName: string }) => {
      const where = platformLabels[p.platform] ?? p.platform;
      const known = p.displayName.trim() !== '' && (p.platform === 'local' || p.displayName !== p.userId);
      return known
        ? `${literal(p.displayName)} (${where})`
        : `${literal(`${p.platform}:${p.workspace}:${p.userId}`)} (${where}, name not known yet)`;
    },
  },
  queues: {
    refusedToRequesters: 'Sorry, only the help desk can see or change the queues.',
    refusedToAgents: 'Sorry, only admins and leads can move a queue.',
    heading: 'Queues:',
    notSet: 'not set (escalations are only logged)',
    notConnected: (platform: string) => `${platform} is not connected here, so a queue can't live there.`,
    moved: (tier: string, place: string) => `The ${tier} queue is now ${place}. New and escalated tickets go there.`,
    /** After a queue in `queue list`: the platform knows the bot cannot post there. */
    unreachable: (tier: string, problem: string) =>
      problem === 'bot_removed'
        ? `⚠️ the app was removed there (bot_removed): nothing is posted until it is added back, or the queue moves (\`queue set ${tier} …\`).`
        : `⚠️ the bot cannot post there (${problem}): add the app there, or move the queue (\`queue set ${tier} …\`).`,
    here: (place: string) =>
      `This channel is \`${place}\`. To make it a queue, type \`queue here tier1\` (or tier2, tier3, vendor) here, or use \`queue set tier1 ${place}\` or \`QUEUE_TIER1=${place}\` in the configuration.`,
  },
  learned: {
    refused: 'Sorry, only admins and leads can review what the desk has learned.',
    noArticle: (id: string) => `There is no article ${id}. An article's id is its file name, shown under each answer.`,
    none: (articleId?: string) => `No learned phrasings in use${articleId ? ` for ${articleId}` : ''}.`,
    someOf: (shown: number, total: number) =>
      `Learned phrasings, the newest ${shown} of ${total} (\`kb learned <article id>\` narrows it; \`kb forget <n>\` removes one):`,
    all: 'Learned phrasings, newest first (`kb forget <n>` removes one):',
    notInUse: (id: number) => `There is no learned phrasing ${id} in use.`,
    forgotten: (phrasing: string, articleId: string) => `Forgotten: "${phrasing}" no longer points to ${articleId}.`,
  },
  lessons: {
    none: (articleId?: string) =>
      `Nothing taught by 👎 is in use${articleId ? ` for ${articleId}` : ''}: no question is ranked lower for an article people said did not help.`,
    heading:
      'What 👎 taught, newest first: each question ranks its article lower, by the votes of different people (`kb forget F<n>` undoes one):',
    line: (l: {
      id: number;
      question: string;
      articleId: string;
      against: number;
      confirmed: number;
      strength: number;
    }) =>
      `- F${l.id}. "${literal(l.question)}" → ${l.articleId}: 👎 from ${l.against} ${l.against === 1 ? 'person' : 'people'}${l.confirmed > 0 ? `, confirmed since by ${l.confirmed}` : ''} (${l.strength >= 1 ? 'full weight' : l.strength > 0 ? 'half weight' : 'outweighed, no effect'})`,
    more: (left: number, articleId?: string) =>
      `…and ${left} older${articleId ? '' : ' (`kb feedback <article>` shows one article’s)'}.`,
    notInUse: (id: number) => `There is no 👎 lesson F${id} in use.`,
    forgotten: (question: string, articleId: string) =>
      `Forgotten: "${literal(question)}" is no longer ranked lower for ${articleId}. A new 👎 would teach it again.`,
  },
  gapsRefused: 'Sorry, only admins and leads can see where the knowledge base falls short.',
  noGaps: (days: number) =>
    `No gaps in the last ${days} days: every question was answered, and nobody said an answer didn't help.`,
  draftRefused: 'Sorry, only Tier 2 and above, leads and admins can draft articles from tickets.',
  draftNoTicket: (ref: string) => `I couldn't find ${ref}.`,
  draftNotFinished: (ref: string) =>
    `${ref} is not resolved yet. Draft an article once the fix is known: \`kb draft ${ref}\` after \`resolve ${ref}\`.`,
  draftExists: (ref: string, path: string) =>
    `There already is a draft for ${ref}: ${path}. I left it as it is; edit it, or remove it to draft again.`,
  draftWritten: (ref: string, path: string, subject: string) =>
    `Drafted "${literal(subject)}" from ${ref} as ${path}. It is not live: review it, then move it into the knowledge folder to publish it.`,
  draftAlreadyAnswered: (title: string, id: string) =>
    `Note: the live article "${literal(title)}" (${id}) already answers this question; consider adding what this ticket taught to it instead of publishing a second article.`,
  draftsUnavailable: "Sorry, drafts can't be written here: this desk has no knowledge folder to write to.",
};
