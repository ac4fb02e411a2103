import { describe, expect, it } from 'vitest';
import { hasSteps, toChatMarkdown } from '../../../../src/knowledge/articles/chat-markdown.ts';

const article = [
  '## Before you start',
  'Have your **phone** ready.',
  '',
  '1. Open [the reset page](https://it.example.com/reset).',
  '2. Type `size:>10MB` in the search box.',
  '3. If it locks again, check:',
  '   - the mail app on your phone,',
  '   - a saved Wi-Fi profile.',
  '',
  '```',
  'ipconfig /flushdns',
  '```',
  '',
  'Still stuck? Go to https://it.example.com/support.',
].join('\n');

describe('toChatMarkdown', () => {
  it('turns an article into the chat subset: headings bold, numbered and nested lists as lines, links, code', () => {
    expect(toChatMarkdown(article)).toEqual([
      '**Before you start**',
      'Have your **phone** ready.',
      [
        '1. Open [the reset page](https://it.example.com/reset).',
        '2. Type `size:>10MB` in the search box.',
        '3. If it locks again, check:',
        '   - the mail app on your phone,',
        '   - a saved Wi-Fi profile.',
      ].join('\n'),
      '`ipconfig /flushdns`',
      'Still stuck? Go to https://it.example.com/support.',
    ]);
  });

  it('keeps a list’s own numbering, and a link’s address where it cannot be a chat link', () => {
    expect(toChatMarkdown('4. Fourth\n5. Fifth')).toEqual(['4. Fourth\n5. Fifth']);
    expect(toChatMarkdown('Write to [the desk](mailto:desk@example.com).')).toEqual([
      'Write to the desk (desk@example.com).',
    ]);
  });

  it('shows a table a row a line', () => {
    expect(toChatMarkdown('| Priority | Response |\n| --- | --- |\n| P1 | 30 minutes |\n| P2 | 2 hours |')).toEqual([
      'Priority · Response\nP1 · 30 minutes\nP2 · 2 hours',
    ]);
  });

  it('shows raw HTML and script links as the words they are, never as markup', () => {
    expect(toChatMarkdown('<script>alert(1)</script> and [x](javascript:alert(1))')).toEqual([
      '<script>alert(1)</script> and [x](javascript:alert(1))',
    ]);
  });

  it('knows an article with numbered steps from one without', () => {
    expect(hasSteps(article)).toBe(true);
    expect(hasSteps('Just a paragraph.\n\n- a bullet')).toBe(false);
  });
});
