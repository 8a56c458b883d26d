import type { RunTaskFailureRecord } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount } from './format.js';
import { section, table, text, type Column } from './table.js';

/** One line of the failure summary: a reason, how often it came up, and its first failure as an example. */
export interface FailureReasonRow {
  reason: string;
  count: number;
  example: RunTaskFailureRecord;
}

/** Failures grouped by reason, most frequent first, ties by reason so the order is total. */
export function failureReasonSummary(failures: RunTaskFailureRecord[]): FailureReasonRow[] {
  const byReason = new Map<string, FailureReasonRow>();
  for (const failure of failures) {
    const row = byReason.get(failure.reason);
    if (row) row.count += 1;
    else byReason.set(failure.reason, { reason: failure.reason, count: 1, example: failure });
  }
  return [...byReason.values()].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

const REASON_COLUMNS: Column<FailureReasonRow>[] = [
  { header: 'Reason', cell: (r) => `<code>${escapeHtml(r.reason)}</code>` },
  { header: 'Failures', numeric: true, cell: (r) => formatCount(r.count) },
  { header: 'Example message', wrap: true, cell: (r) => `${text(r.example.message)} <span class="none">(${formatClock(r.example.at)}, ${escapeHtml(r.example.taskDefinition)})</span>` },
];

const FAILURE_COLUMNS: Column<RunTaskFailureRecord>[] = [
  { header: 'Time', numeric: true, cell: (f) => formatClock(f.at) },
  { header: 'Source', wrap: true, cell: (f) => escapeHtml(f.source) },
  { header: 'Task definition', cell: (f) => escapeHtml(f.taskDefinition) },
  { header: 'Reason', cell: (f) => `<code>${escapeHtml(f.reason)}</code>` },
  { header: 'Closest instance', cell: (f) => text(f.containerInstanceId) },
  { header: 'Message', wrap: true, cell: (f) => text(f.message) },
];

/** The RunTask failures: a summary by reason, then every failure (capped like every long table). */
export function renderFailuresSection(failures: RunTaskFailureRecord[]): string {
  if (failures.length === 0) {
    return section('failures', 'RunTask failures', '<p class="empty">No RunTask failures: every RunTask call found an instance.</p>');
  }
  const summary = table('failure-reasons', REASON_COLUMNS, failureReasonSummary(failures));
  const all = table('table-failures', FAILURE_COLUMNS, failures);
  return section('failures', 'RunTask failures', `<h3 class="sub">By reason</h3>\n${summary}\n<h3 class="sub">Every failure</h3>\n${all}`);
}
