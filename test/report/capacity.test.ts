import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatSpan, formatUsd } from '../../report/format.js';
import { renderReport } from '../../report/render-report.js';
import type { Results } from '../../src/index.js';
import { HOSTILE_CAPACITY, burstResults, fargateMixResults, hostileBurstResults } from './capacity-results.js';
import { markupOf, tableCells, tableHeaders } from './html.js';
import { quickstartText, resultsFor } from './quickstart-results.js';
import { rollingDemoResults } from './services-results.js';

const byCost = (record: Record<string, number>) => Object.entries(record).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
const max = (values: number[]) => Math.max(0, ...values);

/** The cost breakdown as the table should show it, straight from Results. */
function expectedCostRows(cost: Results['cost']): string[][] {
  return [
    ...byCost(cost.byCapacityProvider).map(([name, usd]) => ['Capacity provider', name, formatUsd(usd)]),
    ...byCost(cost.byPurchaseOption).map(([name, usd]) => ['Purchase option', name, formatUsd(usd)]),
    ...byCost(cost.byService).map(([name, usd]) => ['Service', name, formatUsd(usd)]),
    ['Total', '', formatUsd(cost.totalUsd)],
  ];
}

const figure = (html: string, key: string) => new RegExp(`data-figure="${key.replace('.', '\\.')}" data-value="([^"]*)">([^<]*)<`).exec(html);

describe('formatUsd', () => {
  it('shows cents from a dollar, four decimals under it, and never depends on the locale', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.0716)).toBe('$0.0716');
    expect(formatUsd(0.142639)).toBe('$0.1426');
    expect(formatUsd(0.99999)).toBe('$1.0000');
    expect(formatUsd(1)).toBe('$1.00');
    expect(formatUsd(1.08601)).toBe('$1.09');
    expect(formatUsd(12345.678)).toBe('$12,345.68');
    expect(formatUsd(-2.5)).toBe('-$2.50');
  });
});

describe('the capacity, cost and faults parts of the report', () => {
  const burst = burstResults();
  const burstHtml = renderReport(burst);
  const fargate = fargateMixResults();
  const fargateHtml = renderReport(fargate);

  it('breaks the cost down by capacity provider, purchase option and service, matching Results', () => {
    for (const [results, html] of [[burst, burstHtml], [fargate, fargateHtml]] as const) {
      expect(results.cost.totalUsd).toBeGreaterThan(0);
      const rows = tableCells(html, 'table-cost');
      expect(rows.map((r) => r.slice(0, 3))).toEqual(expectedCostRows(results.cost));
      for (const dimension of ['Capacity provider', 'Purchase option']) {
        const shares = rows.filter((r) => r[0] === dimension).map((r) => Number(r[3].replace('%', '')));
        expect(shares.reduce((a, b) => a + b, 0), dimension).toBeCloseTo(100, 0);
      }
      expect(html).toContain(`data-usd="${results.cost.totalUsd}"`);
      expect(markupOf(html)).toContain('id="chart-cost"');
    }
    expect(Object.keys(fargate.cost.byCapacityProvider).sort()).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(Object.keys(fargate.cost.byPurchaseOption).sort()).toEqual(['on-demand', 'spot']);
  });

  it('puts the total cost, its average rate and the purchase-option split in the headline', () => {
    const total = figure(fargateHtml, 'totalCostUsd')!;
    expect(total.slice(1)).toEqual([String(fargate.cost.totalUsd), formatUsd(fargate.cost.totalUsd)]);
    const hours = fargate.scenario.durationMs / 3_600_000;
    expect(Number(figure(fargateHtml, 'costPerHour.mean')![1])).toBeCloseTo(fargate.cost.totalUsd / hours, 10);
    for (const [option, usd] of Object.entries(fargate.cost.byPurchaseOption)) {
      expect(fargateHtml).toContain(`data-purchase-option="${option}" data-value="${usd}">${formatUsd(usd)}<`);
    }
  });

  it('lists each capacity provider and every scaling activity, matching Results, with a chart slot per provider', () => {
    const names = Object.keys(burst.series.byCapacityProvider);
    expect(names).toEqual(['batch-asg']);
    expect(tableCells(burstHtml, 'table-capacity')).toEqual(names.map((name) => {
      const s = burst.series.byCapacityProvider[name];
      const mine = burst.scalingActivities.filter((a) => a.capacityProvider === name);
      return [
        name, String(burst.instances.filter((i) => i.capacityProvider === name).length), String(max(s.desired)), String(max(s.instances)),
        String(max(s.waiting)), String(mine.filter((a) => a.to > a.from).length), String(mine.filter((a) => a.to < a.from).length),
        formatUsd(burst.cost.byCapacityProvider[name]),
      ];
    }));
    expect(burst.scalingActivities.length).toBeGreaterThan(1);
    expect(burst.scalingActivities[0].from).toBe(0);
    expect(tableCells(burstHtml, 'table-scaling-activities')).toEqual(burst.scalingActivities.map((a) => [
      formatClock(a.at), a.capacityProvider, a.to > a.from ? 'scale out' : 'scale in', formatCount(a.from), formatCount(a.to), `${a.reservation}%`,
    ]));
    const markup = markupOf(burstHtml);
    expect(markup).toContain('id="chart-capacity-0"');
    expect(markup).toContain('id="chart-reservation-0"');
    expect(markup).not.toContain('id="chart-capacity-1"');
    expect(figure(burstHtml, 'scalingActivities')![1]).toBe(String(burst.scalingActivities.length));
    expect(figure(burstHtml, 'peakDesiredCapacity')![1]).toBe(String(max(burst.series.byCapacityProvider['batch-asg'].desired)));
    const waited = burst.tasks.filter((t) => t.waitForCapacityMs > 0).length;
    expect(waited).toBeGreaterThan(0);
    expect(figure(burstHtml, 'tasksWaitedForCapacity')![1]).toBe(String(waited));
  });

  it('lists every fault with its recovery, matching Results, and sums them in the headline', () => {
    expect(fargate.faults.map((f) => f.kind)).toContain('AZ outage');
    expect(tableHeaders(fargateHtml, 'table-faults')).toEqual(['Time', 'Kind', 'Target', 'Tasks stopped', 'Recovered at', 'Recovery time']);
    expect(tableCells(fargateHtml, 'table-faults')).toEqual(fargate.faults.map((f) => [
      formatClock(f.at), f.kind, f.target, formatCount(f.tasksStopped),
      f.recoveredAt === null ? 'not within the run' : formatClock(f.recoveredAt),
      f.recoveredAt === null ? 'not within the run' : formatSpan(f.recoveredAt - f.at),
    ]));
    expect(figure(fargateHtml, 'faults')![1]).toBe(String(fargate.faults.length));
    expect(figure(fargateHtml, 'faults.tasksStopped')![1]).toBe(String(fargate.faults.reduce((n, f) => n + f.tasksStopped, 0)));
    const lost = fargate.tasks.filter((t) => t.stopCode === 'SpotInterruption' || t.stopCode === 'TerminationNotice').length;
    expect(figure(fargateHtml, 'tasksLost')![1]).toBe(String(lost));
    const recoveries = fargate.faults.filter((f) => f.recoveredAt !== null).map((f) => f.recoveredAt! - f.at);
    expect(figure(fargateHtml, 'faults.worstRecoveryMs')![1]).toBe(String(Math.max(...recoveries)));
    // Fargate providers have no Auto Scaling group to chart.
    expect(markupOf(fargateHtml)).not.toContain('id="capacity"');
    expect(fargateHtml).toContain('no Auto Scaling group provider');
  });

  it('shows each task\'s launch type / provider and wait for capacity, and a dash where it has no instance or AZ', () => {
    const headers = tableHeaders(burstHtml, 'table-tasks');
    expect(headers.slice(3, 7)).toEqual(['Container instance', 'AZ', 'Launch type / provider', 'Host ports']);
    expect(headers.slice(7, 10)).toEqual(['Created', 'Wait for capacity', 'Started']);
    const rows = tableCells(burstHtml, 'table-tasks');
    expect(rows.map((r) => [r[5], r[8]])).toEqual(burst.tasks.slice(0, 200).map((t) => ['EC2 · batch-asg', formatSpan(t.waitForCapacityMs)]));
    const fargateRows = tableCells(fargateHtml, 'table-tasks');
    expect(fargateRows.map((r) => [r[3], r[5]])).toEqual(fargate.tasks.slice(0, 200).map((t) => ['—', t.capacityProvider === 'FARGATE' ? 'FARGATE' : 'FARGATE · FARGATE_SPOT']));
    expect(new Set(fargateRows.map((r) => r[5]))).toEqual(new Set(['FARGATE', 'FARGATE · FARGATE_SPOT']));
    const neverPlaced = { ...burst, tasks: [{ ...burst.tasks[0], containerInstanceId: null, availabilityZone: null, startedAt: null }] };
    expect(tableCells(renderReport(neverPlaced), 'table-tasks')[0].slice(3, 5)).toEqual(['—', '—']);
  });

  it('adds provider and purchase option columns to the instances table only when instances have them, and no table without instances', () => {
    expect(tableHeaders(burstHtml, 'table-instances').slice(3, 5)).toEqual(['Capacity provider', 'Purchase option']);
    expect(tableCells(burstHtml, 'table-instances').map((r) => r.slice(3, 5))).toEqual(burst.instances.map((i) => [i.capacityProvider, i.purchaseOption]));
    expect(fargate.instances).toEqual([]);
    expect(markupOf(fargateHtml)).not.toContain('id="table-instances"');
    expect(fargateHtml).toContain('No container instances: every task ran on Fargate, or none was placed.');
  });

  it('leaves reports without capacity providers, faults or cost as they were', () => {
    const quickstart = resultsFor(quickstartText());
    const zeroCost = {
      ...quickstart,
      summary: { ...quickstart.summary, totalCostUsd: 0 },
      cost: { totalUsd: 0, byCapacityProvider: {}, byService: {}, byPurchaseOption: {} },
      series: { ...quickstart.series, costPerHour: quickstart.series.costPerHour.map(() => 0) },
    };
    for (const results of [quickstart, rollingDemoResults(), zeroCost]) {
      expect(results.faults).toEqual([]);
      expect(results.scalingActivities).toEqual([]);
      const markup = markupOf(renderReport(results));
      for (const absent of ['id="capacity"', 'id="faults"', 'id="chart-capacity-', 'id="chart-reservation-0"', 'id="table-faults"', 'id="table-capacity"', 'id="table-scaling-activities"', 'data-figure="faults"', 'data-figure="scalingActivities"', 'data-figure="tasksWaitedForCapacity"', 'Launch type / provider</th>', 'Wait for capacity</th>', 'Purchase option</th>']) {
        expect(markup, absent).not.toContain(absent);
      }
    }
    const zeroMarkup = markupOf(renderReport(zeroCost));
    expect(zeroMarkup).not.toContain('id="cost"');
    expect(zeroMarkup).not.toContain('data-figure="totalCostUsd"');
    // Registered EC2 instances cost money: the quickstart has a cost section, under "EC2".
    expect(Object.keys(quickstart.cost.byCapacityProvider)).toEqual(['EC2']);
    expect(tableCells(renderReport(quickstart), 'table-cost')[0].slice(0, 2)).toEqual(['Capacity provider', 'EC2']);
  });

  it('escapes provider names, fault kinds and targets', () => {
    const html = renderReport(hostileBurstResults());
    for (const text of Object.values(HOSTILE_CAPACITY)) expect(html).not.toContain(text);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<b onmouseover/i);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain('<h3 class="chart-name">&lt;img src=x onerror=alert(7)&gt;asg</h3>');
    expect(tableCells(html, 'table-capacity')[0][0]).toBe(HOSTILE_CAPACITY.provider);
    expect(tableCells(html, 'table-cost')[0][1]).toBe(HOSTILE_CAPACITY.provider);
    expect(tableCells(html, 'table-faults')[0].slice(1, 3)).toEqual([HOSTILE_CAPACITY.kind, HOSTILE_CAPACITY.target]);
    expect(tableCells(html, 'table-tasks')[0][5]).toBe(`EC2 · ${HOSTILE_CAPACITY.provider}`);
  });
});
