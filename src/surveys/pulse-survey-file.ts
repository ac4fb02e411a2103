/**
 * Reading one pulse survey file: YAML checked field by field, so an admin's mistake is named
 * (`questions.0.kind must be one of scale, yes_no, text`), never guessed around. The format, with comments,
 * is `examplePulseSurveyYaml`; what a survey means is pulse-survey.ts.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { PulseAudience, PulseSurvey } from '../model/pulse-survey.ts';
import { cronHint, cronProblem } from './pulse-schedule.ts';

export type ParsedPulseSurvey = { ok: true; survey: PulseSurvey } | { ok: false; problem: string };

/** A missing key reads "is missing"; any other wrong value reads as `hint`. */
const or = (hint: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : hint),
});

const kebabHint = 'must be kebab-case, like quarterly-pulse';
const kebab = z.string(or(kebabHint)).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, kebabHint);
const words = (max: number) =>
  z.string(or('must be text')).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const platforms = ['slack', 'teams', 'local'] as const;

const question = z.strictObject(
  {
    id: kebab,
    kind: z.enum(['scale', 'yes_no', 'text'], or('must be one of scale, yes_no, text')),
    text: words(500),
  },
  or('must be a mapping with id, kind and text'),
);

const questions = z
  .array(question, or('must be a list of questions'))
  .min(1, 'must have 1 to 3 questions')
  .max(3, 'must have 1 to 3 questions')
  .superRefine((list, ctx) => {
    list.forEach((q, i) => {
      if (list.findIndex((other) => other.id === q.id) < i)
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${q.id}" is used by another question` });
    });
  });

const audience = z
  .strictObject(
    {
      usedWithinDays: z
        .number(or('must be a whole number of days from 1 to 3650'))
        .int('must be a whole number of days from 1 to 3650')
        .min(1, 'must be a whole number of days from 1 to 3650')
        .max(3650, 'must be a whole number of days from 1 to 3650')
        .optional(),
      platform: z.enum(platforms, or(`must be one of ${platforms.join(', ')}`)).optional(),
      place: z
        .string(or('must be text'))
        .regex(/^(slack|teams|local):.+$/, "must look like platform:address, e.g. 'local:#it-general' or 'slack:C0123'")
        .optional(),
    },
    or('must be a mapping: { usedWithinDays: N }, optionally with platform, or { place: platform:address }'),
  )
  .superRefine((a, ctx) => {
    const fail = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (a.usedWithinDays !== undefined && a.place !== undefined)
      fail(['place'], 'cannot be combined with usedWithinDays');
    else if (a.usedWithinDays !== undefined) return;
    else if (a.platform !== undefined) fail(['platform'], 'needs usedWithinDays');
    else if (a.place === undefined) fail([], 'must give usedWithinDays (optionally with platform) or place');
  })
  .transform(
    (a): PulseAudience =>
      a.place !== undefined
        ? { place: a.place }
        : { usedWithinDays: a.usedWithinDays ?? 0, ...(a.platform ? { platform: a.platform } : {}) },
  );

const schedule = z
  .string(or(cronHint))
  .nullish()
  .transform((text, ctx) => {
    const cron = text?.trim();
    if (cron === undefined || cron === 'none') return undefined;
    const problem = cronProblem(cron);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return cron;
  });

const fileSchema = z.strictObject(
  {
    id: kebab,
    title: words(200),
    anonymous: z.boolean(or('must be true or false')).default(false),
    questions,
    audience,
    schedule,
  },
  or('must be a mapping with id, title, questions, audience and optionally anonymous and schedule'),
);

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = (path: readonly PropertyKey[], message: string) =>
    path.length === 0 ? message : `${path.map(String).join('.')} ${message}`;
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => at([...issue.path, key], 'is not a known field'));
  return [at(issue.path, issue.message)];
}

/** Parses one survey file (YAML, format above); a bad one gives every problem in one line. */
export function parsePulseSurvey(text: string): ParsedPulseSurvey {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    return { ok: false, problem: `not valid YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  if (raw === null || raw === undefined) return { ok: false, problem: 'the file is empty' };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.flatMap(describeIssue).join('; ') };
  const { schedule: cron, ...survey } = parsed.data;
  return { ok: true, survey: cron === undefined ? survey : { ...survey, schedule: cron } };
}
