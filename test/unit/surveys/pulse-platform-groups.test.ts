import { describe, expect, it } from 'vitest';
import { toPulseResultsMessage } from '../../../src/messages/pulse-results-view.ts';
import type { PulseQuestion } from '../../../src/model/pulse-survey.ts';
import type { StandingAnswer } from '../../../src/store/pulse-results.ts';
import { byPlatform } from '../../../src/surveys/pulse-results.ts';

const questions: PulseQuestion[] = [
  { id: 'overall', kind: 'scale', text: 'How satisfied are you?' },
  { id: 'recommend', kind: 'yes_no', text: 'Would you recommend us?' },
];

let nextAsk = 1;
/** `n` people on `platform`, each scoring `score` and saying yes. */
const answered = (platform: string, n: number, score = 4): StandingAnswer[] =>
  Array.from({ length: n }, () => nextAsk++).flatMap((askId) => [
    { askId, personId: askId, displayName: `p${askId}`, platform, question: 'overall', score },
    { askId, personId: askId, displayName: `p${askId}`, platform, question: 'recommend', text: 'yes' },
  ]);

describe('pulse results by platform', () => {
  it('shows each platform with at least MIN_GROUP_SIZE respondents', () => {
    const groups = byPlatform(questions, [...answered('slack', 6, 5), ...answered('teams', 5, 3)], 5);
    expect(groups?.groups).toEqual([
      {
        platform: 'slack',
        respondents: 6,
        questions: [
          { n: 1, average: 5 },
          { n: 2, yesShare: 1 },
        ],
      },
      {
        platform: 'teams',
        respondents: 5,
        questions: [
          { n: 1, average: 3 },
          { n: 2, yesShare: 1 },
        ],
      },
    ]);
  });

  it('pools the small platforms, and shows nothing when the pool could be worked out as a few people', () => {
    const pooled = byPlatform(
      questions,
      [...answered('slack', 6), ...answered('teams', 3), ...answered('local', 3)],
      5,
    );
    expect(pooled?.groups.map((g) => [g.platform, g.respondents])).toEqual([
      ['slack', 6],
      ['other', 6],
    ]);
    expect(pooled?.pooled).toEqual(['teams', 'local']);
    // Two people on Teams: the whole run's numbers minus Slack's would be theirs.
    expect(byPlatform(questions, [...answered('slack', 6), ...answered('teams', 2)], 5)).toBeUndefined();
    // One platform alone says nothing the whole run does not.
    expect(byPlatform(questions, answered('slack', 9), 5)).toBeUndefined();
  });

  it('keeps a question with many long comments inside the message limits, saying how many more', () => {
    const comments = Array.from({ length: 30 }, (_, i) => ({ text: `${'word '.repeat(100)}${i}` }));
    const message = toPulseResultsMessage({
      title: 'Pulse',
      anonymous: true,
      startedAt: new Date('2026-11-23T09:00:00Z'),
      finished: true,
      counts: { sent: 40, skipped: {}, notDelivered: 0, answered: 30 },
      minGroupSize: 5,
      questions: [{ n: 1, text: 'What should we do better?', answers: 30, kind: 'text', comments }],
      days: { pulseMinDays: 30, pulseAfterCsatDays: 7 },
      timeZone: 'Europe/London',
      now: new Date('2026-11-24T09:00:00Z'),
    });
    expect(message.text).toContain('…and 10 more.');
    expect(message.text.split('\n').filter((l) => l.startsWith('- "'))).toHaveLength(20);
    expect(message.text.split('\n').every((l) => l.length <= 300)).toBe(true);
    expect(message.blocks?.length).toBeLessThan(10);
  });
});
