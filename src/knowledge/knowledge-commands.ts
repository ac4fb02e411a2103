import { z } from 'zod';
import { slipOrQuestion, ticketRef, words } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { deskCopy } from '../messages/desk-copy.ts';
import { toGapsMessage } from '../messages/gaps-view.ts';
import { listGapQuestions } from '../store/gap-questions.ts';
import { answerQuestion } from './answers/answer-question.ts';
import type { DecisionSettings } from './calibration/answer-decision.ts';
import { type KbCommand, runKbCommand } from './kb-command.ts';
import { clusterGaps } from './learning/gap-clusters.ts';

/** `ask <question>`: what plain questions do, said explicitly. */
export const askCommand = defineCommand<{ name: 'ask'; question: string }>({
  name: 'ask',
  usage: '`ask <question>` — search the knowledge base',
  audience: 'everyone',
  menu: true,
  parse: (args) => (args === '' ? { usage: 'missing_argument' } : { name: 'ask', question: args }),
  run: (ctx, person, place, { question }) => answerQuestion(ctx, person, place, question),
});

function parseKb(args: string): KbCommand | undefined {
  const [action = '', arg = '', ...extra] = words(args);
  if (extra.length > 0) return undefined;
  if (action === 'learned')
    return arg ? { name: 'kb', action: 'learned', articleId: arg } : { name: 'kb', action: 'learned' };
  if (action === 'forget' && /^\d{1,9}$/.test(arg)) return { name: 'kb', action: 'forget', id: Number(arg) };
  if (action === 'forget' && /^f\d{1,9}$/i.test(arg))
    return { name: 'kb', action: 'forget-lesson', id: Number(arg.slice(1)) };
  if (action === 'feedback')
    return arg ? { name: 'kb', action: 'feedback', articleId: arg } : { name: 'kb', action: 'feedback' };
  if (action === 'calibration' && arg === '') return { name: 'kb', action: 'calibration' };
  if (action === 'calibrate' && arg === '') return { name: 'kb', action: 'calibrate' };
  if (action === 'calibrate' && arg === 'reset') return { name: 'kb', action: 'calibrate-reset' };
  const ref = ticketRef.safeParse(arg);
  if (action === 'draft' && ref.success) return { name: 'kb', action: 'draft', ticketId: ref.data };
  return undefined;
}

/**
 * Review and remove what the desk learned, see and refit how it decides to answer (leads, admins); draft an
 * article from a ticket (Tier 2 and up).
 */
export const kbCommand = (decision: DecisionSettings) =>
  defineCommand<KbCommand>({
    name: 'kb',
    usage:
      '`kb learned [article id]`, `kb forget <n>` — phrasings learned from helpful answers, and removing one; `kb feedback [article id]`, `kb forget F<n>` — what 👎 taught, and undoing it; `kb calibration`, `kb calibrate [reset]` — how the desk decides to answer, refitted to what people did (admins and leads); `kb draft T-n` — a draft article from a resolved ticket, for review (Tier 2 and above, leads, admins)',
    audience: 'overseers',
    // Tier 2 agents and above may draft; the draft itself checks the tier.
    audienceOf: (command) => (command.action === 'draft' ? 'staff' : 'overseers'),
    refusal: {
      log: 'kb command refused',
      text: { overseers: deskCopy.learned.refused, staff: deskCopy.draftRefused },
    },
    parse: (args, explicit) =>
      parseKb(args) ??
      slipOrQuestion(explicit || args === '' || /^(learned|forget|feedback|draft|calibrat(e|ion))\b/.test(args)),
    run: runKbCommand(decision),
  });

/** Most gap clusters `gaps` lists, and the longest window it looks back over. */
export const gapLimits = { top: 20, days: 90 } as const;
/** Grouping compares questions with each other: past this many, only the most recent are grouped. */
export const maxGapQuestions = 5000;
const defaultTop = 10;
const gapsTop = z.coerce.number().int().min(1).max(gapLimits.top);
const gapsDays = z
  .string()
  .regex(/^\d{1,3}d$/i)
  .transform((s) => Number.parseInt(s, 10))
  .pipe(z.number().int().min(1).max(gapLimits.days));

type GapsCommand = { name: 'gaps'; top?: number; days?: number };

/** `gaps`, `gaps 20`, `gaps 30d`, `gaps 20 30d`: how many clusters, over how many days. */
function parseGaps(args: string): GapsCommand | undefined {
  const command: GapsCommand = { name: 'gaps' };
  for (const word of words(args)) {
    const days = gapsDays.safeParse(word);
    const top = /^\d+$/.test(word) ? gapsTop.safeParse(word) : undefined;
    if (days.success && command.days === undefined) command.days = days.data;
    else if (top?.success && command.top === undefined) command.top = top.data;
    else return undefined;
  }
  return command;
}

/** Admins and leads see which questions the knowledge base fails most, grouped by what was asked. */
export const gapsCommand = defineCommand<GapsCommand>({
  name: 'gaps',
  usage:
    '`gaps [n] [days]d` — the questions the knowledge base answered badly or not at all, grouped (admins and leads; e.g. `gaps 20 30d`)',
  audience: 'overseers',
  refusal: { log: 'gaps command refused', text: { overseers: deskCopy.gapsRefused } },
  // "gaps in the meeting room wall" is a question; "gaps 500" is a slip.
  parse: (args, explicit) => parseGaps(args) ?? slipOrQuestion(explicit || /^\d/.test(args)),
  async run(ctx, _person, _place, command) {
    const days = command.days ?? gapLimits.days;
    const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
    const questions = await listGapQuestions(ctx.db, since, maxGapQuestions);
    if (questions.length === 0) return { text: deskCopy.noGaps(days) };
    return toGapsMessage({
      days,
      questions: questions.length,
      capped: questions.length >= maxGapQuestions,
      clusters: clusterGaps(questions),
      top: command.top ?? defaultTop,
      titleOf: (id) => ctx.kb.get(id)?.title,
    });
  },
});
