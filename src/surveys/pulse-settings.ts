import type { FatigueRules } from './fatigue.ts';
import type { PulseCatalog } from './pulse-catalog.ts';

/** What sending and reading pulse surveys needs, given when the surveys feature is made. */
export interface PulseSettings {
  catalog: PulseCatalog;
  /** COE_TIME_ZONE: schedules are read in it. */
  timeZone: string;
  fatigue: FatigueRules;
  /** How long a pulse stays open to answers (the CSAT's CSAT_EXPIRES_DAYS). */
  expiresDays: number;
  /** MIN_GROUP_SIZE: results of fewer people are not broken down. */
  minGroupSize: number;
}
