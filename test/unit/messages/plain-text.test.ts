import { describe, expect, it } from 'vitest';
import { stripMarkdown } from '../../../src/messages/plain-text.ts';

describe('stripMarkdown', () => {
  it('removes emphasis and code marks and spells links out', () => {
    expect(stripMarkdown('Open **Settings**, type `vpn`, see [the guide](https://it.example.com/vpn).')).toBe(
      'Open Settings, type vpn, see the guide (https://it.example.com/vpn).',
    );
    expect(stripMarkdown('an _important_ step, not snake_case_words')).toBe('an important step, not snake_case_words');
  });
});
