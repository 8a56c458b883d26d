import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../report/render-report.js';
import { formatClock, formatCount } from '../../report/format.js';
import { requestTotals } from '../../report/service-scaling.js';
import { expectCleanLoad, expectNothingInjected, texts, useBrowser } from './browser.js';
import { markupOf, tableCells, tableHeaders } from './html.js';
import { resultsFor } from './quickstart-results.js';

const WEB_SPIKE = readFileSync(join(__dirname, '../../sims/web-spike.yaml'), 'utf8');
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('the service load and auto scaling section', () => {
  const results = resultsFor(WEB_SPIKE);
  const html = renderReport(results);

  it('lists every Service Auto Scaling activity as Results has it', () => {
    expect(results.serviceScalingActivities.length).toBeGreaterThan(1);
    expect(tableHeaders(html, 'table-service-scaling-activities')).toEqual(['Time', 'Service', 'Direction', 'Desired from', 'Desired to', 'Cooldown until', 'Cause']);
    expect(tableCells(html, 'table-service-scaling-activities')).toEqual(results.serviceScalingActivities.map((a) => [
      formatClock(a.at), a.service, a.to > a.from ? 'scale out' : 'scale in', formatCount(a.from), formatCount(a.to), a.cooldownEndsAt === null ? '—' : formatClock(a.cooldownEndsAt), a.cause,
    ]));
    // web-spike's policy: 60 s out, 300 s in.
    const first = results.serviceScalingActivities[0];
    expect(first.cooldownEndsAt).toBe(first.at + (first.to > first.from ? 60_000 : 300_000));
  });

  it('lists the scaling policies with their metric, target and cooldowns', () => {
    expect(tableCells(html, 'table-service-scaling-policies')).toEqual([
      ['web', 'web-target-tracking-1', 'target tracking', 'AWS/ECS CPUUtilization {ClusterName=web, ServiceName=web} Average / 60 s', 'target 60', '60 s / 300 s'],
    ]);
  });

  it('gives each service its two chart slots and the requests offered and over capacity', () => {
    const markup = markupOf(html);
    expect(markup).toContain('id="chart-service-load-0"');
    expect(markup).toContain('id="chart-service-utilization-0"');
    expect(markup).not.toContain('id="chart-service-load-1"');
    const totals = requestTotals(results, 'web');
    const offered = results.series.serviceMetrics.web.requestRate.reduce<number>((s, v) => s + (v ?? 0) * 60, 0);
    expect(totals.offered).toBe(Math.round(offered));
    expect(totals.overCapacity).toBeGreaterThan(0);
    expect(markup).toContain(`${formatCount(totals.overCapacity)} over capacity`);
  });

  it('is left out of runs without service metrics', () => {
    const quiet = resultsFor('name: quiet\nduration: 10m\ncluster: { containerInstances: [{ instanceType: m5.large, count: 1 }] }\n');
    expect(markupOf(renderReport(quiet))).not.toContain('id="service-scaling"');
  });
});

describe('the service load and auto scaling charts in Chromium', () => {
  const { openReport } = useBrowser();

  it('draws offered and unserved requests with the scaling markers, and utilization with gaps', async () => {
    const results = resultsFor(WEB_SPIKE);
    const { page, log, url } = await openReport(results, 'out/test-report/web-spike.html');
    expectCleanLoad(log, url);
    expect(await texts(page, '#chart-service-load-0 svg .lines path title')).toEqual(['requests over capacity', 'requests offered']);
    for (const d of await page.locator('#chart-service-load-0 svg .lines path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))) expect(d).toMatch(/^M[\d.]+,[\d.]+/);
    expect(await page.locator('#chart-service-load-0 .service-scaling-activities .marker-rule').count()).toBe(results.serviceScalingActivities.length);
    expect(await texts(page, '#chart-service-utilization-0 svg .lines path title')).toEqual(['MemoryUtilization', 'CPUUtilization']);
    // The first minute has no datapoint: the CPU path starts at the second sample, not at time 0.
    const cpu = await page.locator('#chart-service-utilization-0 svg .lines path').nth(1).getAttribute('d');
    expect(Number(/^M([\d.]+),/.exec(cpu!)![1])).toBeGreaterThan(0);
    // Alarm rows: one per alarm in Results, each minute's cell coloured by its state.
    const alarms = results.series.serviceMetrics.web.alarms;
    expect(await page.locator('#chart-service-alarms-0 .alarm-row').count()).toBe(Object.keys(alarms).length);
    const inAlarm = Object.values(alarms).flat().filter((s) => s === 'ALARM').length;
    expect(inAlarm).toBeGreaterThan(0);
    expect(await page.locator('#chart-service-alarms-0 rect.alarm-ALARM').count()).toBe(inAlarm);
    // Desired and running tasks, each activity's cooldown shaded (scale-out green, scale-in amber).
    expect(await texts(page, '#chart-service-tasks-0 svg .lines path title')).toEqual(['desired', 'running']);
    const cooldowns = results.serviceScalingActivities.filter((a) => a.cooldownEndsAt !== null && a.cooldownEndsAt > a.at);
    expect(await page.locator('#chart-service-tasks-0 rect.cooldown-band').count()).toBe(cooldowns.length);
    expect(await page.locator('#chart-service-tasks-0 rect.cooldown-out').count()).toBe(cooldowns.filter((a) => a.to > a.from).length);
    // The policy's target value as a rule across the utilization chart.
    expect(await texts(page, '#chart-service-utilization-0 .policy-rule title')).toEqual(['target CPUUtilization 60% (web-target-tracking-1)']);
    // Cluster utilization (dashed) beside reservation: web-spike keeps metrics.
    expect(await texts(page, '#chart-reservation svg .lines path title')).toEqual(['CPU reservation', 'Memory reservation', 'CPU utilization', 'Memory utilization']);
    await page.locator('#service-scaling').screenshot({ path: 'out/report-service-scaling.png' });
    await page.close();
  });

  it('shows a cause with markup (from the cluster name) as text', async () => {
    const hostile = WEB_SPIKE.replace('clusterName: web', `clusterName: "${HOSTILE}"`);
    const results = resultsFor(hostile);
    const { page, log } = await openReport(results, 'out/test-report/hostile-scaling.html');
    await expectNothingInjected(page, log);
    const causes = await texts(page, '#table-service-scaling-activities tbody td:last-child');
    expect(causes[0]).toContain(HOSTILE);
    expect(await page.locator('#chart-service-load-0 .service-scaling-activities .marker title').first().textContent()).toContain(HOSTILE);
    expect((await texts(page, '#table-service-scaling-policies tbody td'))[3]).toContain(`ClusterName=${HOSTILE}`);
    await page.close();
  });
});
