/** A pulse survey as an admin defines it in a YAML file in SURVEYS_DIR (format: surveys/pulse-survey-file.ts). */
export interface PulseSurvey extends PulseSurveySnapshot {
  audience: PulseAudience;
  /** A 5-field cron in COE_TIME_ZONE; absent for a survey sent on demand (`survey send-now`). */
  schedule?: string;
}

/** What a run keeps of its survey: what was asked, and whether answers are shown with names. */
export interface PulseSurveySnapshot {
  /** kebab-case, unique across the folder. */
  id: string;
  title: string;
  /** Answers are never shown with the name of the person who gave them. */
  anonymous: boolean;
  /** One to three, asked in this order. */
  questions: PulseQuestion[];
}

export type PulseQuestionKind = 'scale' | 'yes_no' | 'text';

export interface PulseQuestion {
  id: string;
  /** scale: a 1–5 rating; yes_no: yes or no; text: a free comment. */
  kind: PulseQuestionKind;
  text: string;
}

export type PulsePlatform = 'slack' | 'teams' | 'local';

/**
 * Who is asked: everyone who used the desk in the last N days (on one platform, or all), or everyone in one
 * place, written as in the queue settings: `platform:address` (`slack:C0123`, `local:#it-general`).
 */
export type PulseAudience = { usedWithinDays: number; platform?: PulsePlatform } | { place: string };
