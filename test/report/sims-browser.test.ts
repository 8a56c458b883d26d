import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventLog } from '../../report/event-log.js';
import { problemsOf } from '../../report/what-went-wrong.js';
import { expectCleanLoad, expectNothingInjected, texts, useBrowser } from './browser.js';
import { simFiles, simResults } from './sims-results.js';

const SHOTS = 'out/report-screenshots';
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('the report of every scenario in sims/, in Chromium', () => {
  const { openReport } = useBrowser();
  mkdirSync(SHOTS, { recursive: true });

  it.each(simFiles())('%s loads with no errors and no requests; a screenshot is written for review', async (file) => {
    const name = file.replace(/\.yaml$/, '');
    const { page, log, url } = await openReport(simResults(file), `${SHOTS}/${name}.html`);
    expectCleanLoad(log, url);
    expect(await page.locator('#time-navigator').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
    await page.close();
  });

  it('a scenario named with markup shows the name as text and runs no script', async () => {
    const results = simResults('web-spike.yaml', (text) => text.replace('name: web service under a 5x spike', `name: "${HOSTILE}"`));
    const { page, log } = await openReport(results, 'out/test-report/hostile-name.html');
    await expectNothingInjected(page, log);
    expect(await page.locator('#scenario-name').textContent()).toBe(HOSTILE);
    expect(await page.title()).toBe(`${HOSTILE} · ecsim report`);
    await page.close();
  });
});

describe('zooming the shared time axis by clicks', () => {
  const { openReport } = useBrowser();
  const results = simResults('web-spike.yaml');
  const ticks = (page: import('playwright-core').Page, chart: string) => texts(page, `#${chart} .axis-time .tick text`);

  it('zoom in, zoom out and the whole run: every chart follows', async () => {
    const { page, log, url } = await openReport(results, 'out/test-report/zoom.html');
    expectCleanLoad(log, url);
    expect(await page.locator('#view-range').textContent()).toBe('the whole run (3h)');
    const whole = { tasks: await ticks(page, 'chart-tasks'), cost: await ticks(page, 'chart-cost') };
    expect(whole.tasks[0]).toBe('0h');
    await page.click('#zoom-in');
    // The middle half of 3h: 45m to 2h15m.
    expect(await page.locator('#view-range').textContent()).toBe('45m – 2h15m');
    for (const chart of ['chart-tasks', 'chart-cost', 'chart-service-load-0', 'chart-service-alarms-0']) {
      const zoomed = await ticks(page, chart);
      expect(zoomed[0]).not.toBe('0h');
      expect(zoomed).not.toEqual(whole.tasks);
    }
    // Each chart's data is clipped to its plot.
    expect(await page.locator('#chart-tasks svg g.lines[clip-path]').count()).toBe(1);
    await page.click('#zoom-in');
    expect(await page.locator('#view-range').textContent()).toBe('1h7m30s – 1h52m30s');
    await page.click('#zoom-out');
    expect(await page.locator('#view-range').textContent()).toBe('45m – 2h15m');
    await page.click('#zoom-reset');
    expect(await page.locator('#view-range').textContent()).toBe('the whole run (3h)');
    expect(await ticks(page, 'chart-tasks')).toEqual(whole.tasks);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('dragging across the overview strip zooms to the dragged span', async () => {
    const { page, log } = await openReport(results, 'out/test-report/zoom-drag.html');
    const overlay = page.locator('#time-overview svg .overview-brush .overlay');
    await overlay.scrollIntoViewIfNeeded();
    const box = (await overlay.boundingBox())!;
    // From a quarter to a half of the run: 45m to 1h30m (to the pixel).
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const [from, to] = (await page.locator('#view-range').textContent())!.split(' – ');
    expect(from).toMatch(/^4[45]m/);
    expect(to).toMatch(/^1h(29m|30m)/);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('a "what went wrong" time zooms every chart to that moment', async () => {
    const { page } = await openReport(results, 'out/test-report/zoom-moment.html');
    const slo = problemsOf(results).find((p) => p.kind === 'slo')!;
    await page.click(`#what-went-wrong a.moment[data-at="${slo.at}"]`);
    // A twelfth of the run (15m) around 46m: 38m30s to 53m30s.
    expect(await page.locator('#view-range').textContent()).toBe('38m30s – 53m30s');
    await page.close();
  });
});

describe('the event log filter, driven by the page', () => {
  const { openReport } = useBrowser();
  const results = simResults('rolling-deploy.yaml');
  const log = eventLog(results);

  it('choosing a kind and typing text keep only the matching rows', async () => {
    const { page } = await openReport(results, 'out/test-report/event-log.html');
    const visible = () => page.locator('#table-event-log tbody tr:visible');
    expect(await visible().count()).toBe(log.length);
    await page.selectOption('#event-log-kind', 'deployment');
    const deployments = log.filter((e) => e.kind === 'deployment');
    expect(await visible().count()).toBe(deployments.length);
    expect(await page.locator('#event-log-count').textContent()).toBe(`${deployments.length} of ${log.length} events match`);
    await page.locator('#event-log-filter').fill('failed');
    const failed = deployments.filter((e) => `${e.subject} ${e.message}`.toLowerCase().includes('failed'));
    expect(failed.length).toBeGreaterThan(0);
    expect(await texts(page, '#table-event-log tbody tr:visible td:nth-child(4)')).toEqual(failed.map((e) => e.message));
    await page.selectOption('#event-log-kind', '');
    await page.locator('#event-log-filter').fill('');
    expect(await visible().count()).toBe(log.length);
    await page.close();
  });
});
