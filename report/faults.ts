import type { Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount, formatSpan } from './format.js';
import { section, table, text, type Column } from './table.js';

type Fault = Results['faults'][number];

/** How long until every service was back at its desired RUNNING count; null when not within the run. */
export const recoveryMs = (f: Fault): number | null => (f.recoveredAt === null ? null : f.recoveredAt - f.at);

/** What the headline's faults card shows. */
export interface FaultSummary {
  faults: number;
  tasksStopped: number;
  /** The longest recovery among the faults that recovered; null when none did. */
  worstRecoveryMs: number | null;
  /** Faults the services had not recovered from by the end of the run. */
  unrecovered: number;
}

export function faultSummary(faults: Fault[]): FaultSummary {
  const recoveries = faults.map(recoveryMs).filter((ms): ms is number => ms !== null);
  return {
    faults: faults.length,
    tasksStopped: faults.reduce((sum, f) => sum + f.tasksStopped, 0),
    worstRecoveryMs: recoveries.length === 0 ? null : Math.max(...recoveries),
    unrecovered: faults.length - recoveries.length,
  };
}

const notRecovered = '<span class="none">not within the run</span>';

const FAULT_COLUMNS: Column<Fault>[] = [
  { header: 'Time', numeric: true, cell: (f) => formatClock(f.at) },
  { header: 'Kind', cell: (f) => escapeHtml(f.kind) },
  { header: 'Target', cell: (f) => text(f.target) },
  { header: 'Tasks stopped', numeric: true, cell: (f) => formatCount(f.tasksStopped) },
  { header: 'Recovered at', numeric: true, cell: (f) => (f.recoveredAt === null ? notRecovered : formatClock(f.recoveredAt)) },
  { header: 'Recovery time', numeric: true, cell: (f) => { const ms = recoveryMs(f); return ms === null ? notRecovered : formatSpan(ms); } },
];

/**
 * Faults: instance failures, agent disconnects and AZ outages, with the tasks each stopped and when
 * every service was back at its desired count. Ends in a newline; nothing when no fault struck.
 */
export function renderFaultsSection(faults: Fault[]): string {
  if (faults.length === 0) return '';
  const caption =
    '<p class="caption">Each fault, the tasks it stopped, and when every service was back at its desired count of RUNNING tasks ' +
    '(recovery time: from the fault to then). The tasks chart marks each fault, shaded until recovery.</p>';
  return `${section('faults', 'Faults', `${caption}\n${table('table-faults', FAULT_COLUMNS, faults)}`)}\n`;
}
