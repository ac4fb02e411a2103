import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/log.ts';
import { examplePulseSurveyYaml } from '../../../src/surveys/example-pulse-survey.ts';
import { loadPulseSurveys } from '../../../src/surveys/load-pulse-surveys.ts';

const survey = (id: string, kind = 'scale') =>
  `id: ${id}\ntitle: About ${id}\nquestions:\n  - { id: q, kind: ${kind}, text: How was it? }\naudience: { usedWithinDays: 30 }\n`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'surveys-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('loadPulseSurveys', () => {
  it('loads every .yaml and .yml file, and skips a bad one with one warning naming the file and the field', async () => {
    const dir = await folder({
      'a.yaml': survey('first'),
      'b.yml': survey('second'),
      'bad.yaml': survey('broken', 'stars'),
      'notes.txt': 'not a survey',
    });
    const log = createMemoryLogger();
    const loaded = await loadPulseSurveys(dir, log);
    expect(loaded.surveys.map((s) => s.id)).toEqual(['first', 'second']);
    const skipped = { file: join(dir, 'bad.yaml'), problem: 'questions.0.kind must be one of scale, yes_no, text' };
    expect(loaded.skipped).toEqual([skipped]);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'pulse survey skipped', ...skipped })]);
  });

  it('skips the second of two files with the same id, saying which file has it', async () => {
    const dir = await folder({ 'a.yaml': survey('pulse'), 'b.yaml': survey('pulse').replace('About', 'Again') });
    const log = createMemoryLogger();
    const loaded = await loadPulseSurveys(dir, log);
    expect(loaded.surveys).toEqual([expect.objectContaining({ id: 'pulse', title: 'About pulse' })]);
    expect(loaded.skipped).toEqual([
      { file: join(dir, 'b.yaml'), problem: `id "pulse" is already used by ${join(dir, 'a.yaml')}` },
    ]);
    expect(log.lines).toHaveLength(1);
  });

  it('leaves out sub-folders and reads the example an admin copies in', async () => {
    const dir = await folder({ 'quarterly-pulse.yaml': examplePulseSurveyYaml });
    await mkdir(join(dir, 'drafts'));
    await writeFile(join(dir, 'drafts', 'draft.yaml'), survey('draft'));
    const log = createMemoryLogger();
    expect((await loadPulseSurveys(dir, log)).surveys.map((s) => s.id)).toEqual(['quarterly-pulse']);
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('has no surveys, and no complaint, when the folder does not exist', async () => {
    const log = createMemoryLogger();
    const loaded = await loadPulseSurveys(join(tmpdir(), 'no-such-surveys-folder'), log);
    expect(loaded).toEqual({ surveys: [], skipped: [] });
    expect(log.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });
});
