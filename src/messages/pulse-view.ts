import type { PulseSurveySnapshot } from '../model/pulse-survey.ts';
import type { Form } from './form.ts';
import { type Block, type Button, type Message, ratingBlock } from './message.ts';
import { stripMarkdown } from './plain-text.ts';
import { pulseCopy } from './pulse-copy.ts';

/** An answer button's action and value for question `index` (0-based), answered `answer` (`1`–`5`, `yes`, `no`). */
export type PulseButton = (index: number, answer: string) => Omit<Button, 'label'>;

/** A pulse survey as one message: each question numbered, with its scores, yes and no, or how to answer in words. */
export function toPulseMessage(
  survey: PulseSurveySnapshot,
  button: PulseButton,
  /** The box a written question is answered in (question 0-based), where the platform shows forms. */
  answerForm?: (index: number) => Form,
): Message {
  const blocks: Block[] = [{ kind: 'text', text: pulseCopy.intro(survey.title) }];
  const lines = [stripMarkdown(pulseCopy.intro(survey.title))];
  survey.questions.forEach((q, i) => {
    const label = `${i + 1}. ${q.text}`;
    if (q.kind === 'scale') {
      blocks.push(ratingBlock(`**${label}** ${pulseCopy.scaleHint}`, (score) => button(i, String(score))));
      lines.push(`${label} ${pulseCopy.scaleHint}`);
    } else if (q.kind === 'yes_no') {
      blocks.push({ kind: 'text', text: `**${label}**` });
      blocks.push({
        kind: 'actions',
        buttons: [
          { label: pulseCopy.yes, ...button(i, 'yes') },
          { label: pulseCopy.no, ...button(i, 'no') },
        ],
      });
      lines.push(label);
    } else {
      blocks.push({ kind: 'text', text: `**${label}**` });
      if (answerForm) blocks.push({ kind: 'form', form: answerForm(i) });
      blocks.push({ kind: 'context', text: pulseCopy.textHint(i + 1) });
      lines.push(`${label} ${stripMarkdown(pulseCopy.textHint(i + 1))}`);
    }
  });
  const privacy = survey.anonymous ? pulseCopy.anonymous : pulseCopy.named;
  blocks.push({ kind: 'context', text: `${privacy} ${pulseCopy.optOut}` });
  lines.push(stripMarkdown(`${privacy} ${pulseCopy.optOut}`));
  return { text: lines.join('\n'), blocks };
}
