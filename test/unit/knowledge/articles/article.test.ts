import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../../src/knowledge/articles/article.ts';

const valid = `---
title: Connect to the VPN
tags: [vpn, remote]
questions:
  - vpn not working
  - how do I work from home
owner: network-team
review_by: 2027-01-31
---

Open the VPN app and sign in.

1. Step one.
`;

describe('parseArticle', () => {
  it('reads front matter and body', () => {
    const parsed = parseArticle('vpn', valid);
    expect(parsed).toEqual({
      ok: true,
      article: {
        id: 'vpn',
        title: 'Connect to the VPN',
        tags: ['vpn', 'remote'],
        questions: ['vpn not working', 'how do I work from home'],
        owner: 'network-team',
        reviewBy: '2027-01-31',
        audience: 'everyone',
        body: 'Open the VPN app and sign in.\n\n1. Step one.',
      },
    });
  });

  it('reads when an article was published, when its editor says', () => {
    const parsed = parseArticle('vpn', valid.replace('review_by:', 'published: 2026-11-24\nreview_by:'));
    expect(parsed.ok && parsed.article.published).toBe('2026-11-24');
  });

  it.each([
    ['no front matter', 'Just text', /no front matter/],
    ['broken YAML', '---\ntitle: [unclosed\n---\nbody', /not valid YAML/],
    ['missing title', '---\ntags: [a]\n---\nbody', /title/],
    ['tags not a list', '---\ntitle: T\ntags: vpn\n---\nbody', /tags/],
    ['bad review date', '---\ntitle: T\nreview_by: next spring\n---\nbody', /review_by: must be a date/],
    ['bad publication date', '---\ntitle: T\npublished: last week\n---\nbody', /published: must be a date/],
    ['unknown key', '---\ntitle: T\nauthor: me\n---\nbody', /author/],
    ['empty body', '---\ntitle: T\n---\n\n', /no body/],
  ])('explains %s', (_case, source, problem) => {
    const parsed = parseArticle('x', source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});
