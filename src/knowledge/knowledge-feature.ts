import type { Feature } from '../commands/feature.ts';
import { helpful, notHelpful, pickArticle, talkToHuman } from './answers/answer-actions.ts';
import { answerQuestion } from './answers/answer-question.ts';
import { fullArticle } from './answers/full-article-action.ts';
import { askCommand, gapsCommand, kbCommand } from './knowledge-commands.ts';

/** Answers from the knowledge base, what people say of them, and what the desk learns from that. */
export const knowledgeFeature: Feature = {
  name: 'knowledge',
  commands: [askCommand, kbCommand, gapsCommand],
  actions: [helpful, notHelpful, talkToHuman, pickArticle, fullArticle],
  answer: answerQuestion,
};
