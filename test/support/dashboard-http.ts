/** Reading the dashboard's HTML as a person reads it: the text of a table row, a list's summary, a cookie. */

/** Tags dropped and entities of the page's own escaping read back, whitespace collapsed. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The cells of the headline row of `figure` (`questions`): name, this week, last week, change. */
export function figureRow(html: string, figure: string): string {
  const row = new RegExp(`<tr data-figure="${figure}">(.*?)</tr>`).exec(html)?.[1];
  if (row === undefined) throw new Error(`no headline row ${figure}`);
  return textOf(row);
}

/** The text of the first table row whose header cell starts with `head`, in the table captioned `caption`. */
export function tableRow(html: string, caption: string, head: string): string | undefined {
  const table = new RegExp(`<caption>${caption}</caption>(.*?)</table>`, 's').exec(html)?.[1] ?? '';
  const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => textOf(m[1] ?? ''));
  return rows.find((r) => r.startsWith(head));
}

/** A drill-down's summary line (`SLA breaches (2)`) and its body's text. */
export function drillDown(html: string, id: string): { summary: string; body: string } {
  const block = new RegExp(`<details id="${id}">(.*?)</details>`, 's').exec(html)?.[1];
  if (block === undefined) throw new Error(`no drill-down ${id}`);
  const summary = textOf(/<summary>(.*?)<\/summary>/s.exec(block)?.[1] ?? '');
  return { summary, body: textOf(block.replace(/<summary>.*?<\/summary>/s, '')) };
}

/** `name=value` of the session cookie a response sets, for the next request's Cookie header. */
export function sessionFrom(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0] ?? '';
  if (!pair.startsWith('tierdesk_dashboard=')) throw new Error(`no session cookie in "${set}"`);
  return pair;
}
