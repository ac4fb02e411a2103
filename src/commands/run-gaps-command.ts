import type { DeskContext } from '../desk-context.ts';
import { clusterGaps } from '../knowledge/learning/gap-clusters.ts';
import { copy } from '../messages/copy.ts';
import { toGapsMessage } from '../messages/gaps-view.ts';
import type { Message } from '../messages/message.ts';
import { listGapQuestions } from '../store/gap-questions.ts';
import type { Person } from '../store/people.ts';
import { oversees } from '../tickets/ticket.ts';
import { type Command, gapLimits } from './parse-command.ts';

/** Grouping compares questions with each other: past this many, only the most recent are grouped. */
export const maxGapQuestions = 5000;
const defaultTop = 10;

/** Admins and leads see which questions the knowledge base fails most, grouped by what was asked. */
export async function runGapsCommand(
  ctx: DeskContext,
  person: Person,
  command: Extract<Command, { name: 'gaps' }>,
): Promise<Message> {
  if (!oversees(person)) {
    ctx.log.warn('gaps command refused', { person: person.id, role: person.role });
    return { text: copy.gapsRefused };
  }
  const days = command.days ?? gapLimits.days;
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  const questions = await listGapQuestions(ctx.db, since, maxGapQuestions);
  if (questions.length === 0) return { text: copy.noGaps(days) };
  return toGapsMessage({
    days,
    questions: questions.length,
    capped: questions.length >= maxGapQuestions,
    clusters: clusterGaps(questions),
    top: command.top ?? defaultTop,
    titleOf: (id) => ctx.kb.get(id)?.title,
  });
}
