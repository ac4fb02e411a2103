import { esc } from './html-page.ts';

/** One column: its heading, whether it holds numbers (right-aligned), and each row's cell as text. */
export interface Column<R> {
  head: string;
  numeric?: boolean;
  cell(row: R): string;
}

/**
 * A data table with a caption and header cells scoped to their columns; the first column heads its row. Every
 * cell's text is escaped here, so no caller can forget to.
 */
export function tableHtml<R>(caption: string, columns: readonly Column<R>[], rows: readonly R[]): string {
  const cls = (c: Column<R>) => (c.numeric ? ' class="n"' : '');
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${esc(c.head)}</th>`).join('');
  const body = rows.map(
    (r) =>
      `<tr>${columns
        .map((c, i) => (i === 0 ? `<th scope="row">${esc(c.cell(r))}</th>` : `<td${cls(c)}>${esc(c.cell(r))}</td>`))
        .join('')}</tr>`,
  );
  return `<div class="scroll"><table>
<caption>${esc(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody></table></div>`;
}
