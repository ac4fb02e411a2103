import type { Feature } from '../commands/feature.ts';
import { helpful, notHelpful, pickArticle, talkToHuman } from './answers/answer-actions.ts';
import { answerQuestion } from './answers/answer-question.ts';
import { fullArticle } from './answers/full-article-action.ts';
import type { DecisionSettings } from './calibration/answer-decision.ts';
import { calibrationJob } from './calibration/calibration-job.ts';
import { askCommand, gapsCommand, kbCommand } from './knowledge-commands.ts';

/**
 * Answers from the knowledge base, what people say of them, and what the desk learns from that: phrasings,
 * and (on CALIBRATION_CRON, weekly by default, or on `kb calibrate`) how sure it must be to answer.
 */
export const knowledgeFeature = (decision: DecisionSettings, calibrationCron: string): Feature => ({
  name: 'knowledge',
  commands: [askCommand, kbCommand(decision), gapsCommand],
  actions: [helpful, notHelpful, talkToHuman, pickArticle, fullArticle],
  jobs: [calibrationJob(decision, calibrationCron)],
  answer: answerQuestion,
});
