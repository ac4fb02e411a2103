import type { Token } from 'markdown-it';
import { articleMarkdown } from './markdown-parser.ts';

/**
 * An article's markdown in the chat subset of text blocks (messages/message.ts): **bold**, _italic_, `code`,
 * [label](url) and "- " / "1. " lines, one string per paragraph, heading, list, table or code block. Headings
 * become bold lines, nested lists indent by three spaces, code blocks become code lines, table rows "a · b".
 */
export function toChatMarkdown(body: string): string[] {
  const sections: string[] = [];
  let lines: string[] = [];
  let cells: string[] | undefined;
  let heading = false;
  let itemStarts = false;
  const lists: { ordered: boolean; next: number }[] = [];
  const indent = () => '   '.repeat(Math.max(0, lists.length - 1));
  const flush = () => {
    if (lines.length > 0) sections.push(lines.join('\n'));
    lines = [];
  };
  const line = (text: string) => {
    const list = lists.at(-1);
    if (heading) return `**${text}**`;
    if (!list) return text;
    if (!itemStarts) return `${indent()}   ${text}`;
    itemStarts = false;
    return `${indent()}${list.ordered ? `${list.next++}.` : '-'} ${text}`;
  };
  for (const t of articleMarkdown.parse(body, {})) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')
      lists.push({ ordered: t.type === 'ordered_list_open', next: Number(t.attrGet('start') ?? 1) });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') itemStarts = true;
    else if (t.type === 'heading_open') heading = true;
    else if (t.type === 'heading_close') heading = false;
    else if (t.type === 'tr_open') cells = [];
    else if (t.type === 'tr_close') {
      lines.push(line((cells ?? []).join(' · ')));
      cells = undefined;
    } else if (t.type === 'inline') {
      const text = toInline(t.children ?? []);
      if (cells) cells.push(text);
      else lines.push(line(text));
    } else if (t.type === 'fence' || t.type === 'code_block') lines.push(...toCodeLines(t.content).map(line));
    // A block closing at the top level (a paragraph, a whole list or table, a code block) ends a section.
    if (t.level === 0 && t.nesting <= 0) flush();
  }
  return sections;
}

/** Whether the article walks through numbered steps: its button then says "Show the steps". */
export const hasSteps = (body: string) => articleMarkdown.parse(body, {}).some((t) => t.type === 'ordered_list_open');

const toCodeLines = (code: string) =>
  code
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l.trim() ? `\`${l.replaceAll('`', "'")}\`` : ''));

/** Inline markup in the subset; a link the chat cannot show as one keeps its address in words. */
function toInline(tokens: Token[]): string {
  let out = '';
  let link: { href: string; at: number } | undefined;
  for (const t of tokens) {
    if (t.type === 'text') out += t.content;
    else if (t.type === 'softbreak') out += ' ';
    else if (t.type === 'hardbreak') out += '\n';
    else if (t.type === 'strong_open' || t.type === 'strong_close') out += '**';
    else if (t.type === 'em_open' || t.type === 'em_close') out += '_';
    else if (t.type === 'code_inline') out += `\`${t.content}\``;
    else if (t.type === 'image') out += t.content;
    else if (t.type === 'link_open') link = { href: String(t.attrGet('href') ?? ''), at: out.length };
    else if (t.type === 'link_close' && link) {
      out = out.slice(0, link.at) + toLink(out.slice(link.at), link.href);
      link = undefined;
    }
  }
  return out;
}

function toLink(label: string, href: string): string {
  const address = href.replace(/^mailto:/, '');
  if (label === href || label === address || `http://${label}` === href) return label;
  if (/^https?:\/\//.test(href)) return `[${label.replace(/[[\]]/g, '')}](${href})`;
  return `${label} (${address})`;
}
