const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Cuts text to at most `max` UTF-16 units (the unit platforms' limits count), marking the cut with "…". The
 * cut falls between characters as people see them: an emoji, a flag or a letter with its accent is kept
 * whole or left out whole, never split into a broken half.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}…`;
}
