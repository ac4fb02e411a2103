import type { Feature } from '../commands/feature.ts';
import { askForCsat } from './ask-csat.ts';
import { feedbackCommand } from './feedback-command.ts';
import { rateCsat } from './rate-csat.ts';

export interface SurveySettings {
  /** How long a CSAT ask stays open (CSAT_EXPIRES_DAYS). */
  csatExpiresDays: number;
}

export const defaultSurveySettings: SurveySettings = { csatExpiresDays: 14 };

/** Asking people how it went (CSAT after a resolution) and keeping what they say (`feedback`). */
export const surveysFeature = (settings: SurveySettings): Feature => ({
  name: 'surveys',
  commands: [feedbackCommand],
  actions: [rateCsat],
  ticketChanged: [askForCsat(settings)],
});
