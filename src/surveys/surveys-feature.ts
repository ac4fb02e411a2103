import type { Feature } from '../commands/feature.ts';
import type { OpenAiConfig } from '../knowledge/openai-client.ts';
import { askForCsat } from './ask-csat.ts';
import type { FatigueRules } from './fatigue.ts';
import { feedbackClassing } from './feedback-classing.ts';
import { feedbackCommand } from './feedback-command.ts';
import { rateCsat } from './rate-csat.ts';
import { surveysCommand } from './surveys-command.ts';

export interface SurveySettings {
  /** How long a CSAT ask stays open (CSAT_EXPIRES_DAYS). */
  csatExpiresDays: number;
  /** The fatigue cap (PULSE_MIN_DAYS, PULSE_AFTER_CSAT_DAYS once pulse surveys are sent). */
  fatigue: FatigueRules;
  /** QUEUE_FEEDBACK: where follow-ups of low scores and complaints are announced; unset, the queue of the tier each opens at. */
  followUpQueue?: string;
  /** Set: comments are classed by this model (the word lists when it fails). */
  openai?: OpenAiConfig;
}

export const defaultSurveySettings: SurveySettings = {
  csatExpiresDays: 14,
  fatigue: { pulseMinDays: 30, pulseAfterCsatDays: 7 },
};

/** Asking people how it went (CSAT after a resolution) and keeping what they say (`feedback`). */
export const surveysFeature = (settings: SurveySettings): Feature => {
  const handling = {
    classify: feedbackClassing(settings.openai),
    ...(settings.followUpQueue ? { followUpQueue: settings.followUpQueue } : {}),
  };
  return {
    name: 'surveys',
    commands: [feedbackCommand(handling), surveysCommand],
    actions: [rateCsat(handling)],
    ticketChanged: [askForCsat(settings)],
  };
};
