import type { Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount } from './format.js';
import { table, type Column } from './table.js';

type ServiceScalingActivity = Results['serviceScalingActivities'][number];

/** Services with per-minute metrics, in Results order: chart `i` is service `i` of this list. */
export function chartedServiceMetrics(results: Results): string[] {
  return Object.keys(results.series.serviceMetrics);
}

/** Requests offered and not served over the run, from the per-minute rates (requests per second x 60). */
export function requestTotals(results: Results, service: string): { offered: number; overCapacity: number } {
  const m = results.series.serviceMetrics[service];
  const total = (values: (number | null)[]) => Math.round(values.reduce<number>((sum, v) => sum + (v ?? 0) * 60, 0));
  return { offered: total(m.requestRate), overCapacity: total(m.requestsOverCapacity) };
}

const ACTIVITY_COLUMNS: Column<ServiceScalingActivity>[] = [
  { header: 'Time', numeric: true, cell: (a) => formatClock(a.at) },
  { header: 'Service', cell: (a) => escapeHtml(a.service) },
  { header: 'Direction', cell: (a) => (a.to > a.from ? 'scale out' : 'scale in') },
  { header: 'Desired from', numeric: true, cell: (a) => formatCount(a.from) },
  { header: 'Desired to', numeric: true, cell: (a) => formatCount(a.to) },
  { header: 'Cooldown until', numeric: true, cell: (a) => (a.cooldownEndsAt === null ? '—' : formatClock(a.cooldownEndsAt)) },
  { header: 'Cause', wrap: true, cell: (a) => escapeHtml(a.cause) },
];

type ScalingPolicy = Results['serviceScalingPolicies'][number];

const describeMetric = (m: ScalingPolicy['metric']) =>
  `${m.namespace} ${m.metricName} {${Object.entries(m.dimensions).map(([k, v]) => `${k}=${v}`).join(', ')}} ${m.statistic} / ${m.periodSeconds} s`;

const POLICY_COLUMNS: Column<ScalingPolicy>[] = [
  { header: 'Service', cell: (p) => escapeHtml(p.service) },
  { header: 'Policy', cell: (p) => escapeHtml(p.policyName) },
  { header: 'Type', cell: (p) => (p.policyType === 'TargetTrackingScaling' ? 'target tracking' : 'step scaling') },
  { header: 'Metric', wrap: true, cell: (p) => escapeHtml(describeMetric(p.metric)) },
  { header: 'Target / threshold', numeric: true, cell: (p) => (p.targetValue !== null ? `target ${p.targetValue}` : `${escapeHtml(p.comparisonOperator ?? '')} ${p.threshold}`) },
  { header: 'Cooldowns out / in', numeric: true, cell: (p) => `${p.scaleOutCooldownMs / 1000} s / ${p.scaleInCooldownMs / 1000} s` },
];

function serviceCharts(results: Results, name: string, index: number): string {
  const totals = requestTotals(results, name);
  const activities = results.serviceScalingActivities.filter((a) => a.service === name);
  const facts = [
    `${formatCount(totals.offered)} requests offered`,
    `${formatCount(totals.overCapacity)} over capacity`,
    `${formatCount(activities.length)} scaling activit${activities.length === 1 ? 'y' : 'ies'}`,
  ];
  return `<div class="chart service-scaling-chart">
<h3 class="chart-name">${escapeHtml(name)}</h3>
<p class="caption">${facts.join(' · ')}</p>
<div class="chart-body" id="chart-service-load-${index}"></div>
<p class="caption sub-caption">Desired and running tasks; shaded: the cooldown each scaling activity started.</p>
<div class="chart-body" id="chart-service-tasks-${index}"></div>
<p class="caption sub-caption">CPUUtilization and MemoryUtilization: used / reserved × 100, averaged over the running tasks (gaps: no task running); dashed rules: the policies' target values and alarm thresholds.</p>
<div class="chart-body" id="chart-service-utilization-${index}"></div>
<p class="caption sub-caption">Scaling alarms, minute by minute: ALARM, OK, INSUFFICIENT_DATA.</p>
<div class="chart-body" id="chart-service-alarms-${index}"></div>
</div>`;
}

/**
 * Service load and auto scaling: per service with metrics, the requests it was offered and those over
 * capacity with Service Auto Scaling's changes marked, and its CPU and memory utilization (drawn by
 * client-scaling.js); then every scaling activity. Ends in a newline; nothing without service metrics.
 */
export function renderServiceScalingSection(results: Results): string {
  const names = chartedServiceMetrics(results);
  if (names.length === 0 && results.serviceScalingActivities.length === 0) return '';
  const activities =
    results.serviceScalingActivities.length === 0
      ? '<p class="empty">No scaling activities.</p>'
      : table('table-service-scaling-activities', ACTIVITY_COLUMNS, results.serviceScalingActivities);
  return `<section class="table-section service-scaling" id="service-scaling">
<h2>Service load and auto scaling</h2>
<p class="caption">Per service, once a minute: requests per second offered and those the running tasks could not serve. Markers: Service Auto Scaling changing the desired count (from→to).</p>
${names.map((name, i) => serviceCharts(results, name, i)).join('\n')}
${results.serviceScalingPolicies.length === 0 ? '' : `<h3 class="sub">Scaling policies</h3>\n${table('table-service-scaling-policies', POLICY_COLUMNS, results.serviceScalingPolicies)}\n`}<h3 class="sub">Service scaling activities</h3>
${activities}
</section>
`;
}
