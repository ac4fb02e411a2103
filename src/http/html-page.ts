import type { ServerResponse } from 'node:http';
import { escapeUTF8 } from 'entities';
import { dashboardCopy } from '../messages/dashboard-copy.ts';

/** Text from data made safe inside HTML text and quoted attributes (& < > " '). */
export const esc = (value: string | number): string => escapeUTF8(String(value));

/**
 * Plain, readable on a phone: one column that widens on a laptop, tables that scroll inside their own box
 * rather than the page, system fonts, nothing fetched from elsewhere.
 */
const css = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#f6f7f9}
main{max-width:72rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
section{background:#fff;border:1px solid #d8dce2;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.better{color:#0b6b2f}.worse{color:#a3261b}.note{color:#4a4f57;font-size:.95rem}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}form.filters label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font:inherit;padding:.35rem .5rem;max-width:100%}button{cursor:pointer}
details{border-top:1px solid #e3e6ea;padding:.5rem 0}summary{cursor:pointer;font-weight:600}
.trends{display:grid;gap:1rem}@media(min-width:60rem){.trends{grid-template-columns:1fr 1fr}}
figure.trend-chart{margin:0;min-height:1rem}figure.trend-chart svg{max-width:100%;height:auto}
nav.weeks{display:flex;gap:1rem;flex-wrap:wrap}.error{color:#a3261b;font-weight:600}
@media(max-width:40rem){main{padding:.5rem}section{padding:.5rem}th,td{padding:.25rem .3rem;font-size:.9rem}}
`;

/** A whole page: title, inline style, the body's HTML (already escaped by whoever built it). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · ${esc(dashboardCopy.site)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Sends a page with headers that keep it private: not cached, not framed, no script, no outside requests. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ...(res.req.complete ? {} : { connection: 'close' }),
  });
  res.end(html);
}

/** A 303 to `location`: the browser follows it with a GET. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { ...headers, location, 'cache-control': 'no-store', 'content-length': 0 });
  res.end();
}
