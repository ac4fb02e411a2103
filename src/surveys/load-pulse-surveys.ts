import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import type { PulseSurvey } from '../model/pulse-survey.ts';
import { parsePulseSurvey } from './pulse-survey-file.ts';

export interface LoadedPulseSurveys {
  surveys: PulseSurvey[];
  /** Files left out, each with what is wrong, so `survey list` can tell an admin too. */
  skipped: { file: string; problem: string }[];
}

const isSurveyFile = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

/** The folder's files in name order, or none when the folder does not exist (no surveys set up yet). */
async function surveyFiles(dir: string, log: Logger): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && isSurveyFile(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    log.debug('no pulse surveys: the folder does not exist', { dir });
    return [];
  }
}

/**
 * Reads every `*.yaml` / `*.yml` directly in `dir` (sub-folders are not live). A bad file, or a second file
 * with an id already taken, is skipped with one warning naming the file and the field; the rest still load.
 */
export async function loadPulseSurveys(
  dir: string,
  log: Logger,
  /** Problems already warned about (`file: problem`): a folder read again each minute warns once per problem. */
  warned?: Set<string>,
): Promise<LoadedPulseSurveys> {
  const surveys: PulseSurvey[] = [];
  const skipped: LoadedPulseSurveys['skipped'] = [];
  const fileOf = new Map<string, string>();
  for (const file of await surveyFiles(dir, log)) {
    const parsed = parsePulseSurvey(await readFile(file, 'utf8'));
    if (parsed.ok && !fileOf.has(parsed.survey.id)) {
      fileOf.set(parsed.survey.id, file);
      surveys.push(parsed.survey);
      continue;
    }
    const problem = parsed.ok
      ? `id "${parsed.survey.id}" is already used by ${fileOf.get(parsed.survey.id)}`
      : parsed.problem;
    skipped.push({ file, problem });
    if (warned?.has(`${file}: ${problem}`)) continue;
    warned?.add(`${file}: ${problem}`);
    log.warn('pulse survey skipped', { file, problem });
  }
  return { surveys, skipped };
}
