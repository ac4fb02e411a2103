import type { DeskContext } from '../desk-context.ts';
import { copy } from '../messages/copy.ts';
import type { Message } from '../messages/message.ts';
import { forgetPhrasing, listPhrasings } from '../store/learned-phrasings.ts';
import { findPerson, listStaff, type Person, setRole } from '../store/people.ts';
import { queueFor, setQueue } from '../tickets/queue-places.ts';
import { oversees, tiers } from '../tickets/ticket.ts';
import type { Command } from './parse-command.ts';
import { parsePerson } from './parse-person.ts';

type StaffCommand = Extract<Command, { name: 'staff' }>;

const roleLabel = (p: Person) => (p.role === 'agent' ? `agent, ${p.tier ?? 'no tier'}` : p.role);

/** Admins manage who is on the help desk; everyone else is told no, and the attempt is logged. */
export async function runStaffCommand(ctx: DeskContext, person: Person, command: StaffCommand): Promise<Message> {
  if (person.role !== 'admin') {
    ctx.log.warn('staff command refused', { person: person.id, role: person.role, command: command.action });
    return { text: 'Sorry, only admins can manage the help desk.' };
  }
  if (command.action === 'list') {
    const staff = await listStaff(ctx.db);
    const lines = staff.map((p) => `- ${p.displayName} (${p.platform}:${p.workspace}:${p.userId}) — ${roleLabel(p)}`);
    return { text: ['The help desk:', ...lines].join('\n') };
  }
  const ref = parsePerson(command.person, person);
  if (!ref) return { text: copy.personNotFound(command.person) };
  if (command.action === 'remove') {
    const existing = await findPerson(ctx.db, ref);
    if (!existing || existing.role === 'requester') return { text: `${command.person} is not on the help desk.` };
    if (existing.id === person.id) return { text: "You can't remove yourself; ask another admin." };
    await setRole(ctx.db, ref, 'requester', null);
    ctx.log.info('staff removed', { by: person.id, person: existing.id });
    return { text: `${existing.displayName} is no longer on the help desk. Their tickets stay as they are.` };
  }
  const isTier = command.role.startsWith('tier') || command.role === 'vendor';
  const updated = await setRole(
    ctx.db,
    ref,
    isTier ? 'agent' : (command.role as 'lead' | 'admin'),
    isTier ? (command.role as 'tier1' | 'tier2' | 'tier3' | 'vendor') : null,
  );
  ctx.log.info('staff added', { by: person.id, person: updated.id, role: updated.role, tier: updated.tier });
  return { text: `${updated.displayName} is now on the help desk as ${roleLabel(updated)}.` };
}

type QueueCommand = Extract<Command, { name: 'queue' }>;

/** Admins and leads decide where each tier's queue is; anyone on the help desk may look. */
export async function runQueueCommand(ctx: DeskContext, person: Person, command: QueueCommand): Promise<Message> {
  if (person.role === 'requester') {
    ctx.log.warn('queue command refused', { person: person.id });
    return { text: 'Sorry, only the help desk can see or change the queues.' };
  }
  if (command.action === 'list') {
    const lines = await Promise.all(
      tiers.map(async (tier) => `- ${tier}: ${(await queueFor(ctx, tier)) ?? 'not set (escalations are only logged)'}`),
    );
    return { text: ['Queues:', ...lines].join('\n') };
  }
  if (!oversees(person)) {
    ctx.log.warn('queue command refused', { person: person.id, role: person.role });
    return { text: 'Sorry, only admins and leads can move a queue.' };
  }
  const platform = command.place.slice(0, command.place.indexOf(':'));
  if (!ctx.outboxes[platform]) return { text: `${platform} is not connected here, so a queue can't live there.` };
  await setQueue(ctx, command.tier, command.place, person.id);
  ctx.log.info('queue set', { by: person.id, tier: command.tier, place: command.place });
  return { text: `The ${command.tier} queue is now ${command.place}. New and escalated tickets go there.` };
}

type KbCommand = Exclude<Extract<Command, { name: 'kb' }>, { action: 'draft' }>;

/** Admins and leads review what the desk learned from helpful answers, and remove what it should not have. */
export async function runKbCommand(ctx: DeskContext, person: Person, command: KbCommand): Promise<Message> {
  if (!oversees(person)) {
    ctx.log.warn('kb command refused', { person: person.id, role: person.role });
    return { text: 'Sorry, only admins and leads can review what the desk has learned.' };
  }
  if (command.action === 'learned') {
    const { articleId } = command;
    if (articleId && !ctx.kb.get(articleId))
      return { text: `There is no article ${articleId}. An article's id is its file name, shown under each answer.` };
    const { rows, total } = await listPhrasings(ctx.db, articleId);
    // Forgotten phrasings are kept (nothing is deleted) but no longer listed: say so rather than "nothing yet".
    if (rows.length === 0) return { text: `No learned phrasings in use${articleId ? ` for ${articleId}` : ''}.` };
    const heading =
      total > rows.length
        ? `Learned phrasings, the newest ${rows.length} of ${total} (\`kb learned <article id>\` narrows it; \`kb forget <n>\` removes one):`
        : 'Learned phrasings, newest first (`kb forget <n>` removes one):';
    return { text: [heading, ...rows.map((r) => `- ${r.id}. "${r.phrasing}" → ${r.articleId}`)].join('\n') };
  }
  const removed = await forgetPhrasing(ctx.db, command.id, person.id, ctx.clock.now());
  if (!removed) return { text: `There is no learned phrasing ${command.id} in use.` };
  await ctx.reloadKnowledge();
  ctx.log.info('phrasing forgotten', { by: person.id, id: removed.id, article: removed.articleId });
  return { text: `Forgotten: "${removed.phrasing}" no longer points to ${removed.articleId}.` };
}
