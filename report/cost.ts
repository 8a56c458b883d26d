import type { Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatPercent, formatUsd } from './format.js';
import { section, table, type Column } from './table.js';

const HOUR_MS = 3_600_000;

/** Whether the run cost anything (or has a cost rate to chart); without it the report has no cost parts. */
export function hasCost(results: Results): boolean {
  return results.cost.totalUsd > 0 || results.series.costPerHour.some((usd) => usd > 0);
}

/** What the headline's cost card shows. */
export interface CostSummary {
  totalUsd: number;
  /** The total spread over the simulated duration, USD per hour. */
  averageUsdPerHour: number;
  /** Purchase options by cost, most expensive first. */
  byPurchaseOption: [string, number][];
}

export function costSummary(results: Results): CostSummary {
  const hours = results.scenario.durationMs / HOUR_MS;
  return {
    totalUsd: results.cost.totalUsd,
    averageUsdPerHour: hours > 0 ? results.cost.totalUsd / hours : 0,
    byPurchaseOption: byCost(results.cost.byPurchaseOption),
  };
}

/** One line of the cost breakdown. */
export interface CostRow {
  dimension: 'Capacity provider' | 'Purchase option' | 'Service' | 'Total';
  name: string;
  usd: number;
}

/** Entries by cost, most expensive first; ties by name so the order is total. */
function byCost(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The breakdown as table rows: by capacity provider, by purchase option, by service (Fargate tasks
 * only: EC2 instances are shared by every task on them), then the total.
 */
export function costRows(cost: Results['cost']): CostRow[] {
  const rows = (dimension: CostRow['dimension'], record: Record<string, number>): CostRow[] =>
    byCost(record).map(([name, usd]) => ({ dimension, name, usd }));
  return [
    ...rows('Capacity provider', cost.byCapacityProvider),
    ...rows('Purchase option', cost.byPurchaseOption),
    ...rows('Service', cost.byService),
    { dimension: 'Total', name: '', usd: cost.totalUsd },
  ];
}

/** A share of the total as a percentage to one decimal; an empty cell for the total itself. */
function share(row: CostRow, totalUsd: number): string {
  if (row.dimension === 'Total' || totalUsd <= 0) return '';
  return formatPercent(Math.round((row.usd / totalUsd) * 1000) / 10);
}

function costColumns(totalUsd: number): Column<CostRow>[] {
  return [
    { header: 'By', cell: (r) => (r.dimension === 'Total' ? '<b>Total</b>' : r.dimension) },
    { header: 'Name', cell: (r) => escapeHtml(r.name) },
    { header: 'Cost', numeric: true, cell: (r) => `<span data-usd="${r.usd}">${formatUsd(r.usd)}</span>` },
    { header: 'Share of total', numeric: true, cell: (r) => share(r, totalUsd) },
  ];
}

/**
 * Cost: a chart of the rate of spending (drawn by client-capacity.js) and the breakdown, ending in
 * a newline. Nothing when the run cost nothing.
 */
export function renderCostSection(results: Results): string {
  if (!hasCost(results)) return '';
  const cost = results.cost;
  const caption =
    '<p class="caption">USD per hour being spent at each per-minute sample: EC2 instances from launch to termination, Fargate tasks by vCPU and memory while they run. ' +
    'By service counts Fargate tasks only (EC2 instances are shared by the tasks on them); the other breakdowns each add up to the total.</p>';
  const body = `${caption}
<div class="chart cost-chart"><div class="chart-body" id="chart-cost"></div></div>
<h3 class="sub">Breakdown</h3>
${table('table-cost', costColumns(cost.totalUsd), costRows(cost))}`;
  return `${section('cost', 'Cost', body)}\n`;
}
