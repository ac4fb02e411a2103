/**
 * Slack reads `<…>` in any text as a link, a mention or `<!channel>`: the three characters it reserves are
 * escaped wherever text goes out, so what a person typed is shown, never acted on.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The neutral markdown subset in Slack's mrkdwn: `**bold**` → `*bold*`, `[label](url)` → `<url|label>`, a
 * "- " line → "• " (mrkdwn has no lists: a dash would show as one); `_italic_`, `code` and "1. " lines are the
 * same. The reserved characters are escaped first.
 */
export function toMrkdwn(markdown: string): string {
  return escapeSlack(markdown)
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => `<${url}|${label}>`)
    .replace(/\*\*([^*]+)\*\*/g, '*$1*')
    .replace(/^( *)- /gm, '$1• ');
}

/**
 * Splits long text into pieces under `max`, preferring paragraph, then line, then word breaks, and never
 * inside a `<url|label>` link, a mention or an escape (`&amp;`), which a cut would break into raw markup.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    let at = cut > max / 2 ? cut : max;
    at = outsideMarkup(rest, at);
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** A cut at `at` moved back before any `<…>` or `&…;` it would fall inside (unless that is the whole start). */
function outsideMarkup(text: string, at: number): number {
  const open = text.lastIndexOf('<', at - 1);
  if (open > 0 && text.indexOf('>', open) >= at) return open;
  const amp = text.lastIndexOf('&', at - 1);
  if (amp > 0 && at - amp < 6 && /^&[a-z]*$/.test(text.slice(amp, at))) return amp;
  return at;
}
