import { describe, expect, it } from 'vitest';
import { HOSTILE_LB, albDemoResults, hostileAlbResults } from './alb-results.js';
import { expectCleanLoad, expectNothingInjected, texts, useBrowser } from './browser.js';

const { openReport } = useBrowser();

describe('the load balancing, service discovery and pipeline parts of the report in Chromium', () => {
  it('draws targets by health state per target group, Cloud Map registrations, and pipeline runs on their service', async () => {
    const results = albDemoResults();
    const { page, log, url } = await openReport(results, 'out/test-report/alb.html');

    expectCleanLoad(log, url);
    for (const [i, group] of results.targetGroups.entries()) {
      const chart = page.locator(`#chart-target-group-${i}`);
      expect(await chart.locator('> svg').count(), group.name).toBe(1);
      expect(await chart.locator('svg .areas path').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-state')))).toEqual(['healthy', 'initial', 'unhealthy', 'draining']);
      expect(await chart.locator('svg .areas path').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L|H|V)/);
      expect(await chart.locator('.legend').textContent()).toBe('healthyinitialunhealthydraining');
    }
    // The tooltip reads the sample under the pointer: web-tg's targets draining after the first push.
    const web = results.series.byTargetGroup['web-tg'];
    const i = web.draining.findIndex((n) => n > 0);
    expect(i).toBeGreaterThan(0);
    const chart = page.locator('#chart-target-group-0');
    await chart.scrollIntoViewIfNeeded();
    const axis = (await chart.locator('.axis-time .domain').boundingBox())!;
    const grid = (await chart.locator('.axis-value').boundingBox())!;
    await page.mouse.move(axis.x + (results.series.t[i] / results.scenario.durationMs) * axis.width + 1, grid.y + grid.height / 2);
    const rows = await texts(page, '#chart-target-group-0 .tooltip .tip-row');
    expect(rows).toEqual([`healthy${web.healthy[i]}`, `initial${web.initial[i]}`, `unhealthy${web.unhealthy[i]}`, `draining${web.draining[i]}`, `registered${web.healthy[i] + web.initial[i] + web.unhealthy[i] + web.draining[i]}`]);
    await page.mouse.move(0, 0);

    const discovery = page.locator('#chart-discovery');
    expect(await discovery.locator('> svg').count()).toBe(1);
    expect(await texts(page, '#chart-discovery svg .lines path title')).toEqual(Object.keys(results.series.byDiscoveryService));

    const markers = page.locator('#chart-service-0 .pipeline-marker');
    expect(await markers.evaluateAll((ms) => ms.map((m) => m.getAttribute('data-stage')))).toEqual(['start', 'push', 'start', 'push']);
    expect(await texts(page, '#chart-service-0 .pipeline-label')).toEqual(results.pipelines.map((p) => p.image));
    expect(await page.locator('#chart-service-0 .legend').textContent()).toContain('pipeline run');
    expect(await page.locator('#chart-service-1 .pipeline-run').count()).toBe(0);
    // Each marker sits at its time on the shared axis: start at startedAt, push at pushDoneAt.
    const at = await page.locator('#chart-service-0').evaluate((el) => {
      const width = (el.querySelector('.axis-time .domain') as SVGGraphicsElement).getBBox().width;
      return Array.from(el.querySelectorAll('.pipeline-marker')).map((m) => Number(/translate\(([\d.]+),/.exec(m.getAttribute('transform')!)![1]) / width);
    });
    const expected = results.pipelines.flatMap((p) => [p.startedAt, p.pushDoneAt!].map((ms) => ms / results.scenario.durationMs));
    at.forEach((x, k) => expect(x).toBeCloseTo(expected[k], 3));

    expect(await page.locator('#table-target-groups tbody tr').count()).toBe(results.targetGroups.length);
    expect(await page.locator('#table-pipelines tbody tr').count()).toBe(results.pipelines.length);
    await page.locator('#load-balancing').screenshot({ path: 'out/report-load-balancing.png' });
    await page.close();
  });

  it('shows target group, load balancer and image names with markup as text', async () => {
    const { page, log } = await openReport(hostileAlbResults(), 'out/test-report/hostile-alb.html');

    await expectNothingInjected(page, log);
    expect(await page.locator('#load-balancing .chart-name').first().textContent()).toBe(HOSTILE_LB.targetGroup);
    expect(await page.locator('#chart-target-group-0 .areas path title').first().textContent()).toBe(`${HOSTILE_LB.targetGroup} · healthy`);
    expect(await page.locator('#chart-service-0 .pipeline-label').first().textContent()).toBe(HOSTILE_LB.image);
    expect(await page.locator('#chart-service-0 .pipeline-run title').first().textContent()).toContain(HOSTILE_LB.image);
    await page.close();
  });
});
