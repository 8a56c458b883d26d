import type { Results, TaskRecord } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount, formatPercent, formatUsd } from './format.js';
import { table, type Column } from './table.js';

type ScalingActivity = Results['scalingActivities'][number];

/** The Auto Scaling group providers with samples, in Results order: chart `i` is provider `i` of this list. */
export function chartedCapacityProviders(results: Results): string[] {
  return Object.keys(results.series.byCapacityProvider);
}

/** Whether the run used capacity providers at all (Auto Scaling groups, FARGATE, FARGATE_SPOT). */
export function hasCapacityProviders(results: Results): boolean {
  return (
    chartedCapacityProviders(results).length > 0 ||
    results.scalingActivities.length > 0 ||
    results.tasks.some((t) => t.capacityProvider !== null) ||
    results.instances.some((i) => i.capacityProvider !== null)
  );
}

/** A task launched on EC2 that never got an instance: it stopped while waiting in PROVISIONING. */
export const neverGotCapacity = (t: TaskRecord): boolean => t.launchType === 'EC2' && t.containerInstanceId === null;

/** What the headline's capacity cards show. */
export interface CapacitySummary {
  /** Tasks that spent any time waiting for capacity, and those that never got it. */
  tasksWaited: number;
  tasksNeverPlaced: number;
  scalingActivities: number;
  scaleOuts: number;
  /** The most desired capacity any Auto Scaling group provider had; null without one. */
  peakDesired: number | null;
}

export function capacitySummary(results: Results): CapacitySummary {
  const desired = Object.values(results.series.byCapacityProvider).flatMap((s) => s.desired);
  const targets = results.scalingActivities.map((a) => a.to);
  const all = [...desired, ...targets];
  return {
    tasksWaited: results.tasks.filter((t) => t.waitForCapacityMs > 0 || neverGotCapacity(t)).length,
    tasksNeverPlaced: results.tasks.filter(neverGotCapacity).length,
    scalingActivities: results.scalingActivities.length,
    scaleOuts: results.scalingActivities.filter((a) => a.to > a.from).length,
    peakDesired: all.length === 0 ? null : all.reduce((peak, n) => Math.max(peak, n), 0),
  };
}

/** One row per charted provider: what it did over the run. */
export interface CapacityProviderRow {
  name: string;
  instancesLaunched: number;
  peakDesired: number;
  peakInstances: number;
  peakWaitingTasks: number;
  scaleOuts: number;
  scaleIns: number;
  costUsd: number | null;
}

const peak = (values: number[]): number => values.reduce((most, n) => Math.max(most, n), 0);

export function capacityProviderRows(results: Results): CapacityProviderRow[] {
  return chartedCapacityProviders(results).map((name) => {
    const s = results.series.byCapacityProvider[name];
    const activities = results.scalingActivities.filter((a) => a.capacityProvider === name);
    return {
      name,
      instancesLaunched: results.instances.filter((i) => i.capacityProvider === name).length,
      peakDesired: peak(s.desired),
      peakInstances: peak(s.instances),
      peakWaitingTasks: peak(s.waiting),
      scaleOuts: activities.filter((a) => a.to > a.from).length,
      scaleIns: activities.filter((a) => a.to < a.from).length,
      costUsd: results.cost.byCapacityProvider[name] ?? null,
    };
  });
}

const PROVIDER_COLUMNS: Column<CapacityProviderRow>[] = [
  { header: 'Capacity provider', cell: (r) => escapeHtml(r.name) },
  { header: 'Instances launched', numeric: true, cell: (r) => formatCount(r.instancesLaunched) },
  { header: 'Peak desired', numeric: true, cell: (r) => formatCount(r.peakDesired) },
  { header: 'Peak registered', numeric: true, cell: (r) => formatCount(r.peakInstances) },
  { header: 'Peak tasks waiting', numeric: true, cell: (r) => formatCount(r.peakWaitingTasks) },
  { header: 'Scale-outs', numeric: true, cell: (r) => formatCount(r.scaleOuts) },
  { header: 'Scale-ins', numeric: true, cell: (r) => formatCount(r.scaleIns) },
  { header: 'Cost', numeric: true, cell: (r) => (r.costUsd === null ? '<span class="none">—</span>' : formatUsd(r.costUsd)) },
];

const ACTIVITY_COLUMNS: Column<ScalingActivity>[] = [
  { header: 'Time', numeric: true, cell: (a) => formatClock(a.at) },
  { header: 'Capacity provider', cell: (a) => escapeHtml(a.capacityProvider) },
  { header: 'Direction', cell: (a) => (a.to > a.from ? 'scale out' : a.to < a.from ? 'scale in' : 'unchanged') },
  { header: 'Desired from', numeric: true, cell: (a) => formatCount(a.from) },
  { header: 'Desired to', numeric: true, cell: (a) => formatCount(a.to) },
  { header: 'Reservation', numeric: true, cell: (a) => formatPercent(a.reservation) },
];

/** The two chart slots of provider `index`: capacity, then CapacityProviderReservation. The ids hold the index, never the name. */
function providerCharts(row: CapacityProviderRow, index: number): string {
  const facts = [
    `${formatCount(row.instancesLaunched)} instance${row.instancesLaunched === 1 ? '' : 's'} launched`,
    `peak desired ${formatCount(row.peakDesired)}`,
    `${formatCount(row.scaleOuts)} scale-out${row.scaleOuts === 1 ? '' : 's'}, ${formatCount(row.scaleIns)} scale-in${row.scaleIns === 1 ? '' : 's'}`,
  ];
  if (row.costUsd !== null) facts.push(`cost ${formatUsd(row.costUsd)}`);
  return `<div class="chart capacity-chart">
<h3 class="chart-name">${escapeHtml(row.name)}</h3>
<p class="caption">${facts.join(' · ')}</p>
<div class="chart-body" id="chart-capacity-${index}"></div>
<p class="caption sub-caption">CapacityProviderReservation: instances the tasks need (running and waiting) / instances in the group × 100.</p>
<div class="chart-body" id="chart-reservation-${index}"></div>
</div>`;
}

/**
 * Capacity: per Auto Scaling group provider a chart of desired, registered and launching instances
 * and tasks waiting for them, with cluster auto scaling's changes marked, and one of its
 * CapacityProviderReservation (both drawn by client-capacity.js); then a table per provider and
 * the scaling activities. Ends in a newline; nothing when no provider was sampled.
 */
export function renderCapacitySection(results: Results): string {
  const rows = capacityProviderRows(results);
  if (rows.length === 0 && results.scalingActivities.length === 0) return '';
  const intro =
    '<p class="caption">Per Auto Scaling group capacity provider, sampled once a minute: desired capacity (dashed step), registered container instances, ' +
    'instances launching (not yet registered) and tasks waiting in PROVISIONING for capacity. Markers: cluster auto scaling changing the desired capacity (from→to).</p>';
  const activities =
    results.scalingActivities.length === 0
      ? '<p class="empty">No scaling activities.</p>'
      : table('table-scaling-activities', ACTIVITY_COLUMNS, results.scalingActivities);
  return `<section class="table-section capacity" id="capacity">
<h2>Capacity</h2>
${intro}
${rows.map(providerCharts).join('\n')}
<h3 class="sub">Capacity providers</h3>
${table('table-capacity', PROVIDER_COLUMNS, rows)}
<h3 class="sub">Scaling activities</h3>
${activities}
</section>
`;
}
