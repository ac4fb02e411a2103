/**
 * How much text one message carries so that every platform takes it whole, for text too long for one (a full
 * article). A text block of at most 3,000 characters is one Slack section and under Teams' 5,000 a TextBlock;
 * 6,000 characters a message stay within Teams' 28 KB even at three UTF-8 bytes a character, with the fallback,
 * and within Slack's 50 blocks.
 */
export const partLimits = { blockChars: 3000, messageChars: 6000 } as const;

/**
 * Sections (paragraphs, lists) packed in order into text blocks, and the blocks into messages, within `limits`.
 * A section is kept in one block when it fits one; a longer one is cut between lines, then between words.
 */
export function toParts(sections: readonly string[], limits = partLimits): string[][] {
  const blocks = pack(
    sections.flatMap((s) => pieces(s, limits.blockChars)),
    limits.blockChars,
    '\n\n',
  );
  const parts: string[][] = [];
  let size = 0;
  for (const block of blocks) {
    const last = parts.at(-1);
    if (last && size + block.length <= limits.messageChars) {
      last.push(block);
      size += block.length;
    } else {
      parts.push([block]);
      size = block.length;
    }
  }
  return parts;
}

/** Consecutive texts joined with `glue` while the result stays within `max`. */
function pack(texts: readonly string[], max: number, glue: string): string[] {
  const packed: string[] = [];
  for (const text of texts) {
    const last = packed.at(-1);
    if (last !== undefined && last.length + glue.length + text.length <= max)
      packed[packed.length - 1] = last + glue + text;
    else packed.push(text);
  }
  return packed;
}

/** A text cut into pieces of at most `max`: between lines, then words, then (one endless word) characters. */
function pieces(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const glue of ['\n', ' ']) {
    const split = text.split(glue);
    if (split.length > 1)
      return pack(
        split.flatMap((p) => pieces(p, max)),
        max,
        glue,
      );
  }
  const chars = Array.from(text);
  const cut: string[] = [];
  for (let at = 0; at < chars.length; at += max / 2) cut.push(chars.slice(at, at + max / 2).join(''));
  return cut;
}
