/** What a column of an export holds; only `string` is free text someone typed (or a platform supplied). */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list): `=`, `+`, `-`,
 * `@`, and tab and carriage return, which some spreadsheets skip before looking.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One cell's text. Text starting like a formula gets a leading `'`, so `=HYPERLINK(…)` in a comment shows as
 * text instead of running when the file is opened. Numbers are left alone, so `-0.5` stays a number a
 * spreadsheet can sum: they come from the database's numeric columns, never from what people typed. Times
 * are ISO 8601 in UTC; null is an empty cell.
 */
export function toCsvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return formulaStart.test(value) ? `'${value}` : value;
}
