import type { Db } from '../store/db.ts';
import type { Span } from '../store/export-pages.ts';
import type { CellValue } from './csv-cell.ts';

/** A column: its stable name in the header, and what it holds for one row. */
export type Column<Row> = readonly [name: string, value: (row: Row) => CellValue];

/** One exportable table, whatever its rows and cursor look like: a header, then its rows page by page. */
export interface ExportTable {
  header: readonly string[];
  pages(db: Db, span: Span, pageSize: number): AsyncGenerator<CellValue[][]>;
}

/**
 * Builds a table from a keyset read: each page asks for the rows after the last one of the page before, and
 * the pages end with the first short one. A consumer that stops asking (the client went away) stops the reads.
 */
export function keysetTable<Row, Cursor>(spec: {
  columns: readonly Column<Row>[];
  page(db: Db, span: Span, after: Cursor | undefined, limit: number): Promise<Row[]>;
  cursorOf(row: Row): Cursor;
}): ExportTable {
  return {
    header: spec.columns.map(([name]) => name),
    async *pages(db, span, pageSize) {
      let after: Cursor | undefined;
      for (;;) {
        const rows = await spec.page(db, span, after, pageSize);
        if (rows.length > 0) yield rows.map((row) => spec.columns.map(([, value]) => value(row)));
        const last = rows.at(-1);
        if (last === undefined || rows.length < pageSize) return;
        after = spec.cursorOf(last);
      }
    },
  };
}
