import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examplePulseSurveyYaml } from '../../../src/surveys/example-pulse-survey.ts';
import { parsePulseSurvey } from '../../../src/surveys/pulse-survey-file.ts';

const good = `
id: team-tools
title: How are your team's tools?
questions:
  - { id: overall, kind: scale, text: How happy are you with the help desk? }
  - { id: again, kind: yes_no, text: Would you use it again? }
  - { id: better, kind: text, text: What should we do better? }
audience: { usedWithinDays: 30, platform: slack }
schedule: '0 9 * * 1'
`;

/** The good file with one line replaced (or added), to check one field at a time. */
const withLine = (from: RegExp, to: string) => good.replace(from, to);
const problemOf = (text: string) => {
  const parsed = parsePulseSurvey(text);
  return parsed.ok ? 'parsed' : parsed.problem;
};

describe('parsePulseSurvey: good files', () => {
  it('reads every field', () => {
    expect(parsePulseSurvey(good)).toEqual({
      ok: true,
      survey: {
        id: 'team-tools',
        title: "How are your team's tools?",
        anonymous: false,
        questions: [
          { id: 'overall', kind: 'scale', text: 'How happy are you with the help desk?' },
          { id: 'again', kind: 'yes_no', text: 'Would you use it again?' },
          { id: 'better', kind: 'text', text: 'What should we do better?' },
        ],
        audience: { usedWithinDays: 30, platform: 'slack' },
        schedule: '0 9 * * 1',
      },
    });
  });

  it('reads an anonymous survey for one place, sent on demand (schedule none or absent)', () => {
    for (const schedule of ['schedule: none', '']) {
      const text = withLine(
        /audience:.*\nschedule:.*/,
        `anonymous: true\naudience: { place: 'teams:19:abc@thread' }\n${schedule}`,
      );
      const parsed = parsePulseSurvey(text);
      expect(parsed.ok && parsed.survey).toMatchObject({ anonymous: true, audience: { place: 'teams:19:abc@thread' } });
      expect(parsed.ok && 'schedule' in parsed.survey).toBe(false);
    }
  });

  it('reads everyone who used the desk lately, on every platform', () => {
    const parsed = parsePulseSurvey(withLine(/audience:.*/, 'audience: { usedWithinDays: 90 }'));
    expect(parsed.ok && parsed.survey.audience).toEqual({ usedWithinDays: 90 });
  });

  it('reads the example shipped for admins', () => {
    const parsed = parsePulseSurvey(examplePulseSurveyYaml);
    expect(parsed.ok && parsed.survey).toMatchObject({ id: 'quarterly-pulse', anonymous: true });
  });

  it('is the sample the README shows, word for word', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${examplePulseSurveyYaml}\`\`\``);
  });
});

describe('parsePulseSurvey: a bad field is named', () => {
  it.each([
    [
      'a question of an unknown kind',
      /kind: yes_no/,
      'kind: stars',
      'questions.1.kind must be one of scale, yes_no, text',
    ],
    ['an id that is not kebab-case', /id: team-tools/, 'id: Team Tools', 'id must be kebab-case, like quarterly-pulse'],
    ['a missing title', /title:.*\n/, '', 'title is missing'],
    ['an empty title', /title:.*/, "title: ''", 'title must not be empty'],
    ['anonymous that is not a boolean', /schedule:/, 'anonymous: maybe\nschedule:', 'anonymous must be true or false'],
    ['a question without text', /, text: Would you use it again\?/, '', 'questions.1.text is missing'],
    ['an unknown field', /schedule:/, 'colour: blue\nschedule:', 'colour is not a known field'],
    ['an invalid cron', /'0 9 \* \* 1'/, "'0 25 * * 1'", 'schedule is not a valid cron expression'],
    ['a 6-field cron', /'0 9 \* \* 1'/, "'0 0 9 * * 1'", 'schedule must be a 5-field cron expression'],
    ['an audience of nobody', /audience:.*/, 'audience: {}', 'audience must give usedWithinDays'],
    [
      'a platform nobody uses',
      /platform: slack/,
      'platform: email',
      'audience.platform must be one of slack, teams, local',
    ],
    ['a day count that is no count', /usedWithinDays: 30/, 'usedWithinDays: -3', 'audience.usedWithinDays must be'],
    [
      'a place that is not platform:address',
      /audience:.*/,
      'audience: { place: it-general }',
      'audience.place must look like',
    ],
    ['a place with a day count', /platform: slack/, "place: 'local:#it'", 'audience.place cannot be combined'],
    ['a platform alone', /usedWithinDays: 30, /, '', 'audience.platform needs usedWithinDays'],
  ])('%s', (_, from, to, expected) => {
    const text = withLine(from, to);
    expect(text).not.toBe(good);
    expect(problemOf(text)).toContain(expected);
  });

  it('wants one to three questions, each with its own id', () => {
    expect(problemOf(withLine(/questions:[\s\S]*?audience/, 'questions: []\naudience'))).toBe(
      'questions must have 1 to 3 questions',
    );
    const four = withLine(/audience/, '  - { id: more, kind: text, text: More? }\naudience');
    expect(problemOf(four)).toBe('questions must have 1 to 3 questions');
    expect(problemOf(withLine(/id: again/, 'id: overall'))).toBe(
      'questions.1.id "overall" is used by another question',
    );
  });

  it('says what an audience lacks once', () => {
    expect(problemOf(withLine(/usedWithinDays: 30, /, ''))).toBe('audience.platform needs usedWithinDays');
  });

  it('names a file that is empty, not YAML, or not a mapping', () => {
    expect(problemOf('')).toBe('the file is empty');
    expect(problemOf('id: [oops')).toMatch(/^not valid YAML: /);
    expect(problemOf('- just\n- a list')).toMatch(/^must be a mapping with id, title, questions, audience/);
  });

  it('names every bad field in one line', () => {
    expect(problemOf(withLine(/title:.*\n/, '').replace('kind: text', 'kind: essay'))).toBe(
      'title is missing; questions.2.kind must be one of scale, yes_no, text',
    );
  });
});
