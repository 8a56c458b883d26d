import { describe, expect, it } from 'vitest';
import { expectCleanLoad, expectNothingInjected, texts, useBrowser } from './browser.js';
import { HOSTILE_CAPACITY, burstResults, fargateMixResults, hostileBurstResults } from './capacity-results.js';

const { openReport } = useBrowser();

/** Where each of a chart's `selector` elements sits on its time axis, as a fraction of the run (x attribute). */
const axisFractions = (el: Element, selector: string): number[] => {
  const width = (el.querySelector('.axis-time .domain') as SVGGraphicsElement).getBBox().width;
  return Array.from(el.querySelectorAll(selector)).map((node) => Number(node.getAttribute('x1')) / width);
};

describe('the capacity, cost and faults parts of the report in Chromium', () => {
  it('draws an Auto Scaling group provider scaling from zero, its reservation, and the cost rate', async () => {
    const results = burstResults();
    const { page, log, url } = await openReport(results, 'out/test-report/burst.html');

    expectCleanLoad(log, url);

    const capacity = page.locator('#chart-capacity-0');
    expect(await capacity.locator('> svg').count()).toBe(1);
    expect(await texts(page, '#chart-capacity-0 svg .lines path title')).toEqual([
      'tasks waiting for capacity', 'launching instances', 'registered instances', 'desired capacity',
    ]);
    for (const d of await capacity.locator('svg .lines path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))) expect(d).toMatch(/^M[\d.]+,[\d.]+/);
    // Quick changes in one direction share a label; every change keeps its own rule at its time.
    expect(await texts(page, '#chart-capacity-0 .marker-label')).toEqual(['0→5→10→15', '15→8→4→2→1→0']);
    const rules = await capacity.evaluate(axisFractions, '.scaling-activities .marker-rule');
    expect(rules).toHaveLength(results.scalingActivities.length);
    rules.forEach((x, k) => expect(x).toBeCloseTo(results.scalingActivities[k].at / results.scenario.durationMs, 3));
    expect(await capacity.locator('.marker title').first().textContent()).toBe('scale out 0→5 at 10m · CapacityProviderReservation 200%\nscale out 5→10 at 11m · CapacityProviderReservation 200%\nscale out 10→15 at 12m · CapacityProviderReservation 150%');

    const reservation = page.locator('#chart-reservation-0');
    expect(await reservation.locator('> svg').count()).toBe(1);
    expect(await reservation.locator('svg .lines path').count()).toBe(1);
    expect(await reservation.locator('svg .reference-line').count()).toBe(1);

    const cost = page.locator('#chart-cost');
    expect(await cost.locator('> svg').count()).toBe(1);
    expect(await cost.locator('svg .lines path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/);
    expect(await cost.locator('svg .cost-area').count()).toBe(1);
    expect((await texts(page, '#chart-cost .axis-value text'))[0]).toBe('$0.00');

    // The tooltip reads the sample under the pointer.
    const i = results.series.byCapacityProvider['batch-asg'].waiting.findIndex((n) => n > 0);
    await capacity.scrollIntoViewIfNeeded();
    const axis = (await capacity.locator('.axis-time .domain').boundingBox())!;
    const grid = (await capacity.locator('.axis-value').boundingBox())!;
    await page.mouse.move(axis.x + (results.series.t[i] / results.scenario.durationMs) * axis.width + 1, grid.y + grid.height / 2);
    const s = results.series.byCapacityProvider['batch-asg'];
    expect(await texts(page, '#chart-capacity-0 .tooltip .tip-row')).toEqual([
      `desired capacity${s.desired[i]}`, `registered instances${s.instances[i]}`, `launching instances${s.launching[i]}`,
      `tasks waiting for capacity${s.waiting[i]}`, `reservation${s.reservation[i]}%`,
    ]);
    await page.mouse.move(0, 0);

    // The Capacity and Cost sections, one after the other (bounding boxes are viewport-relative: scroll back first).
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await page.locator('#capacity').boundingBox())!;
    const bottom = (await page.locator('#cost').boundingBox())!;
    await page.screenshot({ path: 'out/report-capacity.png', fullPage: true, clip: { x: 0, y: top.y - 8, width: 1280, height: bottom.y + bottom.height - top.y + 16 } });
    await page.close();
  });

  it('draws Fargate and Fargate Spot cost, and marks the AZ outage on the tasks chart', async () => {
    const results = fargateMixResults();
    const { page, log, url } = await openReport(results, 'out/test-report/fargate-mix.html');

    expectCleanLoad(log, url);
    expect(await page.locator('#chart-cost > svg').count()).toBe(1);
    expect(await page.locator('#chart-cost svg .lines path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/);
    expect(await page.locator('[id^="chart-capacity-"]').count()).toBe(0);

    expect(await texts(page, '#chart-tasks .faults .marker-label')).toEqual(results.faults.map((f) => f.kind));
    expect(await page.locator('#chart-tasks .legend').textContent()).toContain('fault');
    const chart = page.locator('#chart-tasks');
    const rules = await chart.evaluate(axisFractions, '.faults .marker-rule');
    rules.forEach((x, k) => expect(x).toBeCloseTo(results.faults[k].at / results.scenario.durationMs, 3));
    expect(await chart.locator('.faults .marker-shade').count()).toBe(results.faults.length);
    expect(await page.locator('#table-faults tbody tr').count()).toBe(results.faults.length);
    await page.close();
  });

  it('shows provider names, fault kinds and targets with markup as text', async () => {
    const { page, log } = await openReport(hostileBurstResults(), 'out/test-report/hostile-capacity.html');

    await expectNothingInjected(page, log);
    expect(await page.locator('#capacity .chart-name').textContent()).toBe(HOSTILE_CAPACITY.provider);
    expect(await page.locator('#chart-capacity-0 svg .lines path').count()).toBe(4);
    expect(await texts(page, '#chart-tasks .faults .marker-label')).toEqual([HOSTILE_CAPACITY.kind]);
    expect(await page.locator('#chart-tasks .faults .marker title').textContent()).toContain(HOSTILE_CAPACITY.target);
    await page.close();
  });
});
