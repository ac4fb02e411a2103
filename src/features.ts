import type { Feature } from './commands/feature.ts';
import { dashboardFeature } from './digests/dashboard-feature.ts';
import { digestsFeature } from './digests/digest-feature.ts';
import type { DigestSettings } from './digests/digest-settings.ts';
import type { DecisionSettings } from './knowledge/calibration/answer-decision.ts';
import { knowledgeFeature } from './knowledge/knowledge-feature.ts';
import type { Logger } from './log.ts';
import { outboxRetryFeature } from './outbox-retry/outbox-retry-feature.ts';
import type { LinkSigner } from './signed-link.ts';
import { slaMonitorFeature } from './sla-monitor/sla-monitor-feature.ts';
import type { SweepTimers } from './sla-monitor/sweep.ts';
import { staffFeature } from './staff/staff-feature.ts';
import { defaultSurveySettings, type SurveySettings, surveysFeature } from './surveys/surveys-feature.ts';
import { ticketsFeature } from './tickets/tickets-feature.ts';

/**
 * The desk's features, in the order `help` lists their commands. A new feature is one folder exporting its
 * `Feature` and one line here; everything else (dispatch, audience, help, jobs) comes from its specs.
 */
export function deskFeatures(settings: {
  /** How the desk decides to answer: its wrong-answer target, and a threshold if one was set. */
  decision: DecisionSettings;
  slaSweepCron: string;
  /** When the answer decision is refitted (weekly by default; a refit younger than six days is kept). */
  calibrationCron: string;
  timers: SweepTimers;
  surveys?: SurveySettings;
  digests: DigestSettings;
  /** Features warn here about their own files (a survey that cannot be used). */
  log: Logger;
  /** Signs the links the desk hands out (the dashboard's), with the desk's `links` key. */
  links: LinkSigner;
}): Feature[] {
  return [
    knowledgeFeature(settings.decision, settings.calibrationCron),
    ticketsFeature,
    staffFeature,
    slaMonitorFeature({ cron: settings.slaSweepCron, timers: settings.timers }),
    outboxRetryFeature,
    surveysFeature(settings.surveys ?? defaultSurveySettings, settings.log),
    digestsFeature(settings.digests),
    dashboardFeature(settings.links),
  ];
}
