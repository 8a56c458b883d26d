import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatSpan } from '../../report/format.js';
import { expectCleanLoad, expectNothingInjected, texts, useBrowser } from './browser.js';
import { HOSTILE, hostileQuickstartText, quickstartText, resultsFor } from './quickstart-results.js';
import { HOSTILE_SERVICE, rollingDemoResults } from './services-results.js';

const CHART_IDS = ['chart-tasks', 'chart-reservation', 'chart-cpu-heatmap', 'chart-memory-heatmap', 'chart-tasks-heatmap', 'chart-failures'];

const { openReport } = useBrowser();

describe('the HTML report in Chromium', () => {
  it('draws every chart from the quickstart Results, shows their headline figures and fetches nothing', async () => {
    const results = resultsFor(quickstartText());
    const { page, log, url } = await openReport(results, 'out/test-report/quickstart.html');

    expectCleanLoad(log, url);
    for (const id of CHART_IDS) expect(await page.locator(`#${id} > svg`).count(), id).toBe(1);

    const groups = Object.keys(results.series.byGroup).length;
    expect(await page.locator('#chart-tasks svg .lines path').count()).toBe(2 + 2 * groups);
    expect(await page.locator('#chart-tasks .legend').textContent()).toContain('family:thumbnailer');
    expect(await page.locator('#chart-reservation svg .lines path').count()).toBe(2);
    const ids = results.instances.map((i) => i.id);
    for (const id of ['chart-cpu-heatmap', 'chart-memory-heatmap', 'chart-tasks-heatmap']) {
      expect(await page.locator(`#${id} g.heatmap-row`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-instance')))).toEqual(ids);
      expect(await page.locator(`#${id} rect.cell`).count()).toBeGreaterThan(ids.length);
    }
    const mostTasks = Math.max(...Object.values(results.series.byInstance).flatMap((s) => s.tasks));
    expect(await texts(page, '#chart-tasks-heatmap .heat-legend text.tick')).toEqual(Array.from({ length: mostTasks + 1 }, (_, n) => String(n)));
    const taskTitles = await texts(page, '#chart-tasks-heatmap g.heatmap-row[data-instance="i-0001"] rect.cell title');
    expect(taskTitles[0]).toMatch(/^i-0001 · 0h–\d+m · \d+(–\d+)? tasks?$/);
    const failureTitles = await texts(page, '#chart-failures .bars rect title');
    expect(failureTitles.reduce((sum, title) => sum + Number(/: (\d+) ×/.exec(title)![1]), 0)).toBe(results.summary.runTaskFailures);
    const tickLabels = await texts(page, '#chart-tasks .axis-time text');
    expect(tickLabels[0]).toBe('0h');
    expect(tickLabels).toContain('1h30m');
    expect(tickLabels.at(-1)).toBe('3h');

    const s = results.summary;
    const expected: [string, number, (n: number) => string][] = [
      ['tasksRequested', s.tasksRequested, formatCount],
      ['tasksPlaced', s.tasksPlaced, formatCount],
      ['tasksStarted', s.tasksStarted, formatCount],
      ['runTaskFailures', s.runTaskFailures, formatCount],
      ['peakRunningTasks', s.peakRunningTasks, formatCount],
      ['peakPendingTasks', s.peakPendingTasks, formatCount],
      ['peakInstances', s.peakInstances, formatCount],
      ['cpuReservation.mean', s.cpuReservation.mean, formatPercent],
      ['cpuReservation.max', s.cpuReservation.max, formatPercent],
      ['memoryReservation.mean', s.memoryReservation.mean, formatPercent],
      ['memoryReservation.max', s.memoryReservation.max, formatPercent],
      ['waitForCapacityMs.p50', s.waitForCapacityMs.p50, formatSpan],
      ['waitForCapacityMs.p95', s.waitForCapacityMs.p95, formatSpan],
      ['waitForCapacityMs.max', s.waitForCapacityMs.max, formatSpan],
      ['seed', results.scenario.seed, String],
      ['durationMs', results.scenario.durationMs, formatSpan],
    ];
    for (const [key, value, format] of expected) {
      const figure = page.locator(`[data-figure="${key}"]`);
      expect(await figure.getAttribute('data-value'), key).toBe(String(value));
      expect(await figure.textContent(), key).toBe(format(value));
    }
    for (const [reason, n] of Object.entries(s.failuresByReason)) {
      expect(await page.locator(`[data-reason="${reason}"]`).textContent()).toBe(formatCount(n));
    }
    expect(await page.locator('#table-instances tbody tr').count()).toBe(results.instances.length);
    expect(await page.locator('#table-failures tbody tr').count()).toBe(Math.min(200, results.runTaskFailures.length));
    expect(await page.locator('#failure-reasons tbody tr').count()).toBe(Object.keys(s.failuresByReason).length);
    expect(await page.locator('#table-azs tbody tr').count()).toBe(results.scenario.availabilityZones.length);
    expect(await page.locator('#table-tasks tbody tr').count()).toBe(Math.min(200, results.tasks.length));

    // The page from the top down to the RunTask failures chart: the answer and the time-axis charts (the
    // tables below would make the image many thousands of pixels tall).
    const failures = (await page.locator('#chart-failures').boundingBox())!;
    const height = Math.ceil(failures.y + failures.height + 8);
    await page.screenshot({ path: 'out/report-quickstart.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    await page.close();
  });

  it('shows markup in user strings as text: no <img>, no script runs, no dialog', async () => {
    const results = resultsFor(hostileQuickstartText());
    const { page, log } = await openReport(results, 'out/test-report/hostile.html');
    await page.locator('#chart-tasks svg').hover();

    await expectNothingInjected(page, log);
    expect(await page.locator('#scenario-name').textContent()).toBe(HOSTILE.name);
    expect(await page.title()).toContain(HOSTILE.name);
    expect(await page.locator('.description').textContent()).toBe(HOSTILE.description);
    expect(await page.locator('#chart-tasks .legend').textContent()).toContain(HOSTILE.group);
    expect(await page.locator('#table-failures tbody tr').first().textContent()).toContain(HOSTILE.source);
    expect(await page.locator('#table-instances tbody tr').first().textContent()).toContain(`team=${HOSTILE.attribute}`);
    expect(await page.locator('#table-tasks tbody tr td:nth-child(2)').allTextContents()).toContain(HOSTILE.group);
    await page.close();
  });

  it('bins the tasks heatmap colours when instances hold many tasks', async () => {
    const results = resultsFor(quickstartText());
    const byInstance = Object.fromEntries(
      Object.entries(results.series.byInstance).map(([id, s]) => [id, { ...s, tasks: s.tasks.map((n) => n * 7) }]),
    );
    const { page, log } = await openReport({ ...results, series: { ...results.series, byInstance } }, 'out/test-report/many-tasks.html');

    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(await page.locator('#chart-tasks-heatmap g.heatmap-row').count()).toBe(results.instances.length);
    const swatches = await page.locator('#chart-tasks-heatmap .heat-legend > rect').count();
    expect(swatches).toBeLessThanOrEqual(10);
    const ticks = (await texts(page, '#chart-tasks-heatmap .heat-legend text.tick')).map(Number);
    expect(ticks[0]).toBe(0);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    expect(ticks.at(-1)).toBeGreaterThan(Math.max(...Object.values(byInstance).flatMap((s) => s.tasks)));
    await page.close();
  });

  it('draws each service with its deployments as bands, and filters the service event log as you type', async () => {
    const results = rollingDemoResults();
    const { page, log, url } = await openReport(results, 'out/test-report/rolling.html');

    expectCleanLoad(log, url);
    const chart = page.locator('#chart-service-0');
    expect(await chart.locator('> svg').count()).toBe(1);
    expect(await chart.locator('svg .lines path').count()).toBe(4);
    expect(await chart.locator('.legend').textContent()).toMatch(/desired.*running.*healthy.*pending.*deployment completed.*deployment failed/);
    const bands = chart.locator('g.deployment-band');
    expect(await bands.count()).toBe(results.deployments.length);
    expect(await texts(page, '#chart-service-0 .band-label')).toEqual(results.deployments.map((d) => `${d.id} · ${d.taskDefinition}`));
    expect(await bands.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-rollout-state')))).toEqual(results.deployments.map((d) => d.rolloutState));
    expect(await bands.nth(2).locator('rect.band-shade').getAttribute('fill')).toBe('#cf222e');
    // Each band spans createdAt..updatedAt on the shared time axis (at least 2px wide).
    const spans = await chart.evaluate((el) => {
      const width = (el.querySelector('.axis-time .domain') as SVGGraphicsElement).getBBox().width;
      return Array.from(el.querySelectorAll('rect.band-shade')).map((r) => [Number(r.getAttribute('x')) / width, (Number(r.getAttribute('x')) + Number(r.getAttribute('width'))) / width]);
    });
    const duration = results.scenario.durationMs;
    results.deployments.forEach((d, i) => {
      expect(spans[i][0], d.id).toBeCloseTo(d.createdAt / duration, 2);
      expect(Math.abs(spans[i][1] - d.updatedAt / duration), d.id).toBeLessThan(0.005);
    });

    const rows = page.locator('#table-service-events tbody tr');
    const visible = () => rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).map((tr) => tr.textContent ?? ''));
    expect(await visible()).toHaveLength(results.serviceEvents.length);
    const filter = page.locator('#service-events-filter');
    await filter.pressSequentially('Rolling Back');
    const matching = results.serviceEvents.filter((e) => `${e.service} ${e.message}`.toLowerCase().includes('rolling back'));
    expect(matching.length).toBeGreaterThan(0);
    expect(await visible()).toEqual(matching.map((e) => expect.stringContaining(e.message)));
    expect(await page.locator('#service-events-count').textContent()).toBe(`${matching.length} of ${results.serviceEvents.length} events match`);
    await page.locator('#services').screenshot({ path: 'out/report-services.png' });
    await filter.fill('');
    expect(await visible()).toHaveLength(results.serviceEvents.length);
    await page.close();
  });

  it('shows a service name with markup as text in the Services section', async () => {
    const results = rollingDemoResults(HOSTILE_SERVICE);
    const { page, log } = await openReport(results, 'out/test-report/hostile-service.html');

    expect(log.dialogs).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#services .service-name').textContent()).toBe(HOSTILE_SERVICE);
    expect(await page.locator('#chart-service-0 svg .lines path').count()).toBe(4);
    expect(await page.locator('#chart-service-0 g.deployment-band').count()).toBe(results.deployments.length);
    await page.locator('#service-events-filter').fill('<IMG');
    expect(await page.locator('#table-service-events tbody tr:visible').count()).toBe(results.serviceEvents.length);
    await page.locator('#service-events-filter').fill('"WEB") rolling back');
    const matching = results.serviceEvents.filter((e) => e.message.includes('"web") rolling back'));
    expect(matching).toHaveLength(1);
    expect(await page.locator('#table-service-events tbody tr:visible td:nth-child(3)').allTextContents()).toEqual(matching.map((e) => e.message));
    await page.close();
  });
});

