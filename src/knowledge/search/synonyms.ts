import { z } from 'zod';
import { type StemRewrite, stem, words } from './text.ts';

/**
 * An admin's list of words that mean the same here ("mfa, 2fa, two factor"), one group a line. Every entry
 * of a group is read as the group's first entry, on the article side and the question side alike, so a
 * question that says "FB" finds an article that says "Facebook".
 */
export interface Synonyms {
  rewrite: StemRewrite;
  groups: number;
}

export interface ParsedSynonyms {
  synonyms: Synonyms;
  /** Lines that were skipped, in words an editor can act on ("line 4: …"). */
  problems: string[];
}

const group = z
  .array(z.array(z.string()).min(1, 'an entry has no words'))
  .min(2, 'a group needs at least two entries, separated by commas');

interface Entry {
  from: string[];
  to: string[];
}

export const noSynonyms: Synonyms = { rewrite: (stems) => stems, groups: 0 };

export function parseSynonyms(source: string): ParsedSynonyms {
  const problems: string[] = [];
  /** By first stem; longest entries first so "two factor authentication" wins over "two factor". */
  const byFirst = new Map<string, Entry[]>();
  const owner = new Map<string, number>();
  /** Each group's first entry and its line: one word read as another, itself read as a third, is a chain. */
  const heads = new Map<string, number>();
  let groups = 0;
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const parsed = group.safeParse(line.split(',').map((entry) => words(entry).map(stem)));
    if (!parsed.success) {
      problems.push(`line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'not a synonym group'}`);
      return;
    }
    const [to, ...rest] = parsed.data as [string[], ...string[][]];
    const head = to.join(' ');
    // Words are rewritten once, so "laptop, notebook" and "notebook, notepad" leave "notepad" as "notebook".
    const headElsewhere = owner.get(head);
    if (headElsewhere !== undefined && headElsewhere !== i + 1)
      problems.push(
        `line ${i + 1}: "${head}" is read as another word on line ${headElsewhere}; put the two groups on one line`,
      );
    heads.set(head, heads.get(head) ?? i + 1);
    for (const from of rest) {
      const key = from.join(' ');
      const headLine = heads.get(key);
      if (headLine !== undefined && headLine !== i + 1)
        problems.push(
          `line ${i + 1}: "${key}" stands for its own group on line ${headLine}; put the two groups on one line`,
        );
      const earlier = owner.get(key);
      // "pic, pics" say the same once stemmed: only a clash with another group is worth a warning.
      if (earlier === i + 1) continue;
      if (earlier !== undefined) {
        problems.push(`line ${i + 1}: "${key}" is already in the group on line ${earlier}; the first one counts`);
        continue;
      }
      owner.set(key, i + 1);
      const list = byFirst.get(from[0] as string) ?? [];
      list.push({ from, to });
      list.sort((a, b) => b.from.length - a.from.length);
      byFirst.set(from[0] as string, list);
    }
    groups += 1;
  });
  if (groups === 0) return { synonyms: noSynonyms, problems };
  const rewrite: StemRewrite = (stems) => {
    const out: string[] = [];
    for (let i = 0; i < stems.length; ) {
      const entry = byFirst.get(stems[i] as string)?.find((e) => e.from.every((s, k) => stems[i + k] === s));
      if (entry) {
        out.push(...entry.to);
        i += entry.from.length;
      } else {
        out.push(stems[i] as string);
        i += 1;
      }
    }
    return out;
  };
  return { synonyms: { rewrite, groups }, problems };
}
