import { words } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { pulseCopy } from '../messages/pulse-copy.ts';
import { toPulseListMessage } from '../messages/pulse-list-view.ts';
import { toPulseResultsMessage } from '../messages/pulse-results-view.ts';
import type { Person } from '../model/person.ts';
import { latestPulseRun } from '../store/pulse-runs.ts';
import { answerPulseInWords } from './answer-pulse-in-words.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { controlSurvey, sendSurveyNow } from './pulse-control.ts';
import { pulseList } from './pulse-list.ts';
import { pulseResults } from './pulse-results.ts';
import type { PulseSender } from './pulse-sender.ts';
import type { PulseSettings } from './pulse-settings.ts';

type SurveyAction = 'send-now' | 'pause' | 'resume' | 'results';
type SurveyCommand =
  /** A free-text answer to question n of the newest open pulse sent to this person. */
  | { name: 'survey'; action: 'answer'; question: number; text: string }
  | { name: 'survey'; action: 'list' }
  | { name: 'survey'; action: SurveyAction; surveyId: string };

const onOneSurvey: readonly string[] = ['send-now', 'pause', 'resume', 'results'];
const isSurveyAction = (word: string): word is SurveyAction => onOneSurvey.includes(word);

function parseSurvey(args: string): SurveyCommand | undefined {
  const [action = '', first = '', ...rest] = words(args);
  const verb = action.toLowerCase();
  if (verb === 'answer') {
    const text = args.trim().slice(action.length).trim().slice(first.length).trim();
    if (!/^[1-9]$/.test(first) || text === '') return undefined;
    return { name: 'survey', action: 'answer', question: Number(first), text };
  }
  if (verb === 'list' && !first) return { name: 'survey', action: 'list' };
  if (isSurveyAction(verb) && first && rest.length === 0)
    return { name: 'survey', action: verb, surveyId: first.toLowerCase() };
  return undefined;
}

export interface SurveyCommandParts {
  pulse: PulseSettings;
  sender: PulseSender;
  handling: FeedbackHandling;
}

async function onSurvey(
  ctx: DeskContext,
  parts: SurveyCommandParts,
  person: Person,
  action: SurveyAction,
  surveyId: string,
): Promise<Message> {
  const { surveys } = await parts.pulse.catalog.current();
  const survey = surveys.find((s) => s.id === surveyId);
  if (action === 'results') {
    // A survey whose file was removed still has the results of its runs (they keep what was asked).
    const run = await latestPulseRun(ctx.db, surveyId);
    if (run) return toPulseResultsMessage(await pulseResults(ctx, parts.pulse, run));
    if (survey) return { text: pulseCopy.neverSent(survey.id, survey.title) };
  }
  if (!survey)
    return {
      text: pulseCopy.unknownSurvey(
        surveyId,
        surveys.map((s) => s.id),
      ),
    };
  if (action === 'send-now') return sendSurveyNow(ctx, parts.pulse, parts.sender, person, survey);
  if (action === 'pause' || action === 'resume') return controlSurvey(ctx, parts.pulse, person, survey, action);
  return { text: pulseCopy.neverSent(survey.id, survey.title) };
}

/**
 * `survey answer n <text>` for whoever a pulse was sent to (the pulse says to type it); the rest for leads and
 * admins: list the surveys, send one now, pause or resume its schedule, read its newest run's results.
 */
export const surveyCommand = (parts: SurveyCommandParts) =>
  defineCommand<SurveyCommand>({
    name: 'survey',
    usage:
      '`survey answer <n> <your answer>` — answer question n of a pulse survey in words; `survey list`, `survey send-now|pause|resume|results <id>` — pulse surveys (admins and leads)',
    audience: 'everyone',
    audienceOf: (command) => (command.action === 'answer' ? 'everyone' : 'overseers'),
    refusal: { log: 'survey command refused', text: { overseers: pulseCopy.refused } },
    parse: (args, explicit) => {
      const command = parseSurvey(args);
      if (command) return command;
      // Naming one of the command's actions marks a slip in a command rather than a question.
      return explicit || args === '' || /^(answer|list|send-now|pause|resume|results)\b/i.test(args)
        ? { usage: 'bad_arguments' }
        : undefined;
    },
    async run(ctx, person, place, command) {
      if (command.action === 'answer') return answerPulseInWords(ctx, parts.handling, person, place, command);
      if (command.action === 'list') return toPulseListMessage(await pulseList(ctx, parts.pulse));
      return onSurvey(ctx, parts, person, command.action, command.surveyId);
    },
  });
