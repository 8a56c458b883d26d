import type { InstanceRecord, Results, RunTaskFailureRecord } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount } from './format.js';

/** Long tables stop here; results.json holds every row. */
export const TABLE_ROW_LIMIT = 200;

interface Column<R> {
  header: string;
  numeric?: boolean;
  /** Free text that may wrap; every other column keeps each value on one line. */
  wrap?: boolean;
  /** Returns HTML: user strings must already be escaped. */
  cell: (row: R) => string;
}

const text = (s: string | null) => (s === null || s === '' ? '<span class="none">—</span>' : escapeHtml(s));

const INSTANCE_COLUMNS: Column<InstanceRecord>[] = [
  { header: 'Container instance', cell: (i) => escapeHtml(i.id) },
  { header: 'Instance type', cell: (i) => escapeHtml(i.instanceType) },
  { header: 'AZ', cell: (i) => escapeHtml(i.availabilityZone) },
  { header: 'CPU units', numeric: true, cell: (i) => formatCount(i.registeredCpuUnits) },
  { header: 'Memory MiB', numeric: true, cell: (i) => formatCount(i.registeredMemoryMiB) },
  { header: 'Tasks placed', numeric: true, cell: (i) => formatCount(i.tasksPlaced) },
  { header: 'Registered', numeric: true, cell: (i) => formatClock(i.registeredAt) },
  { header: 'Terminated', numeric: true, cell: (i) => (i.terminatedAt === null ? text(null) : formatClock(i.terminatedAt)) },
  { header: 'Custom attributes', wrap: true, cell: (i) => text(customAttributes(i.attributes)) },
];

const FAILURE_COLUMNS: Column<RunTaskFailureRecord>[] = [
  { header: 'Time', numeric: true, cell: (f) => formatClock(f.at) },
  { header: 'Source', wrap: true, cell: (f) => escapeHtml(f.source) },
  { header: 'Task definition', cell: (f) => escapeHtml(f.taskDefinition) },
  { header: 'Reason', cell: (f) => `<code>${escapeHtml(f.reason)}</code>` },
  { header: 'Closest instance', cell: (f) => text(f.containerInstanceId) },
  { header: 'Message', wrap: true, cell: (f) => text(f.message) },
];

export function renderInstancesTable(instances: InstanceRecord[]): string {
  return section('instances', 'Container instances', table('table-instances', INSTANCE_COLUMNS, instances));
}

export function renderFailuresTable(failures: RunTaskFailureRecord[]): string {
  const body =
    failures.length === 0
      ? '<p class="empty">No RunTask failures: every RunTask call found an instance.</p>'
      : table('table-failures', FAILURE_COLUMNS, failures);
  return section('failures', 'RunTask failures', body);
}

/** Scenario fields that were accepted but not simulated; nothing is rendered when there are none. */
export function renderNotes(notes: Results['notes']): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<li><code>${escapeHtml(n.path)}</code>: ${escapeHtml(n.message)}</li>`).join('\n');
  return section('notes', 'Notes', `<p>These scenario fields were accepted but are not simulated:</p>\n<ul class="notes">\n${items}\n</ul>`);
}

function section(id: string, title: string, body: string): string {
  return `<section class="table-section" id="${id}">\n<h2>${title}</h2>\n${body}\n</section>`;
}

function table<R>(id: string, columns: Column<R>[], rows: R[]): string {
  const th = columns.map((c) => `<th${cellClass(c)}>${c.header}</th>`).join('');
  const shown = rows.slice(0, TABLE_ROW_LIMIT);
  const trs = shown.map((row) => `<tr>${columns.map((c) => `<td${cellClass(c)}>${c.cell(row)}</td>`).join('')}</tr>`);
  const more =
    rows.length > shown.length
      ? `\n<p class="more">Showing the first ${formatCount(shown.length)} of ${formatCount(rows.length)} rows; results.json has them all.</p>`
      : '';
  return `<div class="table-wrap"><table id="${id}">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table></div>${more}`;
}

function cellClass(column: { numeric?: boolean; wrap?: boolean }): string {
  return column.numeric ? ' class="num"' : column.wrap ? ' class="wrap"' : '';
}

/** Attributes the user added; the `ecs.*` ones every instance carries are left out. */
function customAttributes(attributes: Record<string, string>): string | null {
  const custom = Object.entries(attributes).filter(([key]) => !key.startsWith('ecs.'));
  return custom.length === 0 ? null : custom.map(([key, value]) => `${key}=${value}`).join(', ');
}
