import type { Feature } from '../commands/feature.ts';
import type { OpenAiConfig } from '../knowledge/openai-client.ts';
import type { Logger } from '../log.ts';
import { answerPulse } from './answer-pulse.ts';
import { askForCsat } from './ask-csat.ts';
import { csatCommentForm } from './csat-comment-form.ts';
import type { FatigueRules } from './fatigue.ts';
import { feedbackClassing } from './feedback-classing.ts';
import { feedbackCommand } from './feedback-command.ts';
import { pulseAnswerForm } from './pulse-answer-form.ts';
import { createPulseCatalog } from './pulse-catalog.ts';
import { pulseJob } from './pulse-job.ts';
import { createPulseSender } from './pulse-sender.ts';
import type { PulseSettings } from './pulse-settings.ts';
import { rateCsat } from './rate-csat.ts';
import { surveyCommand } from './survey-command.ts';
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
  /** SURVEYS_DIR: the pulse survey files. */
  surveysDir: string;
  /** COE_TIME_ZONE: pulse schedules are read in it. */
  timeZone: string;
  /** MIN_GROUP_SIZE: results of fewer people are not broken down. */
  minGroupSize: number;
}

export const defaultSurveySettings: SurveySettings = {
  csatExpiresDays: 14,
  fatigue: { pulseMinDays: 30, pulseAfterCsatDays: 7 },
  surveysDir: './surveys',
  timeZone: 'Europe/London',
  minGroupSize: 5,
};

/**
 * Asking people how it went (CSAT after a resolution, pulse surveys now and then) and keeping what they say
 * (`feedback`, answers). `log` is the desk's: it warns about a survey file that cannot be used.
 */
export const surveysFeature = (settings: SurveySettings, log: Logger): Feature => {
  const pulse: PulseSettings = {
    catalog: createPulseCatalog(settings.surveysDir, log),
    timeZone: settings.timeZone,
    fatigue: settings.fatigue,
    expiresDays: settings.csatExpiresDays,
    minGroupSize: settings.minGroupSize,
  };
  const sender = createPulseSender(pulse);
  const handling = {
    classify: feedbackClassing(settings.openai),
    ...(settings.followUpQueue ? { followUpQueue: settings.followUpQueue } : {}),
  };
  return {
    name: 'surveys',
    commands: [feedbackCommand(handling), surveysCommand, surveyCommand({ pulse, sender, handling })],
    actions: [rateCsat(handling), answerPulse],
    forms: [csatCommentForm(handling), pulseAnswerForm(handling)],
    ticketChanged: [askForCsat(settings)],
    jobs: [pulseJob(pulse, sender)],
  };
};
