/**
 * How the desk reads the words people type, wherever it reads them (the small-talk check, search): case and
 * accents do not matter, and contractions are spelled out so "can't" and "cannot" meet.
 */

const contracted: Record<string, string> = { d: 'would', ll: 'will', re: 'are', ve: 'have', m: 'am' };

/** Lower case, accents removed, negated contractions spelled out ("hasn't" → "has not"), apostrophes folded. */
export function normalise(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\b(ca|wo|do|does|did|is|are|was|were|has|have|had|could|would|should)n['’`]?t\b/g, (_, verb: string) =>
        verb === 'wo' ? 'will not' : verb === 'ca' ? 'can not' : `${verb} not`,
      )
      // A pronoun's contraction folded whole would read as another word ("I'd" → "id", "we'll" → "well").
      .replace(
        /\b(i|you|he|she|we|they|it|that|there|who|what)['’`](d|ll|re|ve|m)\b/g,
        (_, who: string, verb: string) => `${who} ${contracted[verb]}`,
      )
      .replace(/['’`]/g, '')
  );
}

/** The words of a text, normalised: letters and digits only. */
export function words(text: string): string[] {
  return normalise(text).match(/[a-z0-9]+/g) ?? [];
}
