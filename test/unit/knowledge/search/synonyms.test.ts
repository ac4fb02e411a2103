import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../../../src/knowledge/search/synonyms.ts';
import { terms } from '../../../../src/knowledge/search/text.ts';

const analyse = (list: string, text: string) => terms(text, parseSynonyms(list).synonyms.rewrite);

describe('parseSynonyms', () => {
  const list = [
    '# security words',
    'multi factor authentication, mfa, 2fa, two factor',
    'facebook, fb',
    'delete, remove, get rid of',
  ].join('\n');

  it('reads every entry of a group as its first entry, on both sides', () => {
    expect(analyse(list, 'Set up 2FA')).toEqual(analyse(list, 'set up multi-factor authentication'));
    expect(analyse(list, 'two factor codes')).toEqual(analyse(list, 'MFA codes'));
    expect(analyse(list, 'Removing my FB account')).toEqual(analyse(list, 'delete my Facebook account'));
  });

  it('matches entries of several words, even when they are made of stopwords', () => {
    expect(analyse(list, 'how do I get rid of my account')).toEqual(analyse(list, 'delete account'));
  });

  it('leaves other words alone', () => {
    expect(analyse(list, 'printer jammed')).toEqual(terms('printer jammed'));
  });

  it('skips bad lines and names them, keeping the good ones', () => {
    const { synonyms, problems } = parseSynonyms('vpn\nfacebook, fb\nmeta, fb\n, ,');
    expect(synonyms.groups).toBe(2);
    expect(problems).toEqual([
      'line 1: a group needs at least two entries, separated by commas',
      'line 3: "fb" is already in the group on line 2; the first one counts',
      'line 4: an entry has no words',
    ]);
    expect(terms('fb', synonyms.rewrite)).toEqual(terms('facebook'));
  });

  it('warns of a word that one group reads as another and another group reads as a third', () => {
    expect(parseSynonyms('laptop, notebook\nnotebook, notepad').problems).toEqual([
      'line 2: "notebook" is read as another word on line 1; put the two groups on one line',
    ]);
    expect(parseSynonyms('notebook, notepad\nlaptop, notebook').problems).toEqual([
      'line 2: "notebook" stands for its own group on line 1; put the two groups on one line',
    ]);
  });

  it('takes entries that stem alike within one group quietly', () => {
    const { synonyms, problems } = parseSynonyms("picture, pic, pics\nbroken, doesn't work, does not work");
    expect(problems).toEqual([]);
    expect(terms('pics', synonyms.rewrite)).toEqual(terms('picture'));
  });

  it('an empty list changes nothing', () => {
    const { synonyms, problems } = parseSynonyms('# nothing yet\n\n');
    expect(problems).toEqual([]);
    expect(terms('FB login', synonyms.rewrite)).toEqual(terms('FB login'));
  });
});

describe('the shipped synonym list', () => {
  it('parses without a skipped line', () => {
    const source = readFileSync(new URL('../../../../knowledge/synonyms.txt', import.meta.url), 'utf8');
    const { synonyms, problems } = parseSynonyms(source);
    expect(problems).toEqual([]);
    expect(synonyms.groups).toBeGreaterThan(30);
  });
});
