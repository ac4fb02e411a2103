import { describe, expect, it } from 'vitest';
import { contentHash, embeddingText } from '../../../../src/knowledge/embeddings/embed-text.ts';

const article = {
  title: 'Connect to the VPN',
  questions: ['vpn will not connect', 'working from home'],
  body: 'Open the VPN client and sign in.',
};

describe('what an article is embedded as', () => {
  it('is the title, the other ways people ask, and the body', () => {
    expect(embeddingText(article)).toBe(
      'Connect to the VPN\n\nvpn will not connect\n\nworking from home\n\nOpen the VPN client and sign in.',
    );
  });

  it('stops at 8,000 characters, so a long article still fits one request', () => {
    expect(embeddingText({ ...article, body: 'x'.repeat(20_000) })).toHaveLength(8000);
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the text, in hex', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('changes with any edit to what is embedded, and only then', () => {
    const original = contentHash(embeddingText(article));
    expect(contentHash(embeddingText({ ...article }))).toBe(original);
    expect(contentHash(embeddingText({ ...article, body: `${article.body} ` }))).not.toBe(original);
    expect(contentHash(embeddingText({ ...article, questions: ['vpn will not connect'] }))).not.toBe(original);
    expect(contentHash(embeddingText({ ...article, title: 'Connect to the VPN!' }))).not.toBe(original);
  });
});
