import { escapeHtml } from './escape-html.js';
import { formatCount } from './format.js';

/** Long tables stop here; results.json holds every row. */
export const TABLE_ROW_LIMIT = 200;

export interface Column<R> {
  header: string;
  numeric?: boolean;
  /** Free text that may wrap; every other column keeps each value on one line. */
  wrap?: boolean;
  /** Returns HTML: user strings must already be escaped. */
  cell: (row: R) => string;
}

/** A user string as cell HTML, escaped; null or empty shows as a muted dash. */
export function text(s: string | null): string {
  return s === null || s === '' ? '<span class="none">—</span>' : escapeHtml(s);
}

/** A titled table section; `title` is our own text, not user input. */
export function section(id: string, title: string, body: string): string {
  return `<section class="table-section" id="${id}">\n<h2>${title}</h2>\n${body}\n</section>`;
}

/** An HTML table of at most `limit` rows, with a note saying how many were left out. */
export function table<R>(id: string, columns: Column<R>[], rows: R[], limit = TABLE_ROW_LIMIT): string {
  const th = columns.map((c) => `<th${cellClass(c)}>${c.header}</th>`).join('');
  const shown = rows.slice(0, limit);
  const trs = shown.map((row) => `<tr>${columns.map((c) => `<td${cellClass(c)}>${c.cell(row)}</td>`).join('')}</tr>`);
  const hidden = rows.length - shown.length;
  const more =
    hidden > 0
      ? `\n<p class="more">Showing the first ${formatCount(shown.length)} of ${formatCount(rows.length)} rows; ${formatCount(hidden)} more are in results.json.</p>`
      : '';
  return `<div class="table-wrap"><table id="${id}">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table></div>${more}`;
}

function cellClass(column: { numeric?: boolean; wrap?: boolean }): string {
  return column.numeric ? ' class="num"' : column.wrap ? ' class="wrap"' : '';
}
