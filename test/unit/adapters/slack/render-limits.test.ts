import type { SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { slackLimits } from '../../../../adapters/slack/limits.ts';
import { toBlockKit } from '../../../../adapters/slack/render.ts';

const sectionsOf = (text: string) =>
  toBlockKit({ text: 'long', blocks: [{ kind: 'text', text }] }).blocks.map((b) =>
    String((b as SectionBlock).text?.text),
  );

describe('toBlockKit at the platform limits', () => {
  it('never cuts a link, a mention or an escaped character at the 3,000-character boundary', () => {
    for (const [filler, tail] of [
      // The label's spaces fall inside the first 3,000 characters: a cut at the last space splits the link.
      [
        'x'.repeat(slackLimits.sectionText - 50),
        ' [the reset page for everyone](https://it.example.com/reset?from=chat)',
      ],
      // No space to cut at: a hard cut at 3,000 lands inside "&amp;".
      ['x'.repeat(slackLimits.sectionText - 2), 'AT&T&T&T&T&T&T&T&T&T&T&T&T'],
    ] as const) {
      const sections = sectionsOf(`${filler}${tail} and more words after it`);
      expect(sections.length).toBeGreaterThan(1);
      for (const s of sections) {
        expect(s.length).toBeLessThanOrEqual(slackLimits.sectionText);
        expect((s.match(/</g) ?? []).length).toBe((s.match(/>/g) ?? []).length);
        expect(s).not.toMatch(/&[a-z]*$|^[a-z]*;/);
      }
      expect(sections.join('')).toContain(
        tail.includes('reset') ? '<https://it.example.com/reset?from=chat|the reset page for everyone>' : 'AT&amp;T',
      );
    }
  });

  it('never sends an empty text: a message with none says what its blocks say', () => {
    expect(toBlockKit({ text: '', blocks: [{ kind: 'text', text: '**T-3** is yours' }] }).text).toBe(
      '**T-3** is yours',
    );
    expect(toBlockKit({ text: '  ' }).text).not.toBe('');
    expect(toBlockKit({ text: '  ' }).text.trim()).not.toBe('');
  });
});
