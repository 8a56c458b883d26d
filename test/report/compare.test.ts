import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { difference, renderComparison } from '../../report/compare-report.js';
import { FIGURES } from '../../src/sweep/run-figures.js';
import { ecsim } from '../cli/run-cli.js';
import { expectNothingInjected, useBrowser } from './browser.js';
import { markupOf, tableCells } from './html.js';
import { simResults } from './sims-results.js';

const PLANS = ['plan-ec2.yaml', 'plan-fargate.yaml', 'plan-fargate-spot.yaml'];
const runs = PLANS.map((file) => ({ label: file.replace('.yaml', ''), results: simResults(file) }));

describe('comparing runs side by side', () => {
  const html = renderComparison(runs);

  it('one row per headline figure, one column per run, each value exactly as Results has it', () => {
    const cells = tableCells(html, 'table-compare-figures');
    expect(cells).toHaveLength(FIGURES.length);
    for (const [i, run] of runs.entries()) {
      for (const figure of FIGURES) expect(html).toContain(`data-run="${i}" data-figure="${figure.name}" data-value="${figure.of(run.results)}"`);
    }
    // The cost row: EC2 is the baseline; Fargate and Fargate Spot show how much less they cost.
    const cost = cells[FIGURES.findIndex((f) => f.name === 'totalCostUsd')];
    const [ec2, fargate, spot] = runs.map((r) => r.results.summary.totalCostUsd);
    expect(cost[1]).toContain(difference('USD', fargate, ec2));
    expect(cost[2]).toContain(difference('USD', spot, ec2));
    expect(fargate).toBeLessThan(ec2);
    expect(difference('USD', fargate, ec2)).toMatch(/^−\$\d+\.\d\d \(−\d+(\.\d)?%\)$/);
  });

  it('differences: absolute and relative, points for percentages, "same" when equal', () => {
    expect(difference('tasks', 15, 12)).toBe('+3 (+25%)');
    expect(difference('tasks', 9, 12)).toBe('−3 (−25%)');
    expect(difference('%', 40.5, 37.5)).toBe('+3 points (+8%)');
    expect(difference('tasks', 12, 12)).toBe('same');
    expect(difference('tasks', 9, 0)).toBe('+9');
    expect(difference('ms', 0, 59_000)).toBe('−59s (−100%)');
  });

  it('says what went wrong in each run, and draws a chart slot per series', () => {
    const problems = tableCells(html, 'table-compare-problems');
    expect(problems.map((row) => row[0])).toEqual(runs.map((r) => r.label));
    expect(problems[0][1]).toBe('nothing');
    expect(problems[2][1]).toMatch(/tasks lost to Spot interruptions/);
    for (const key of ['runningTasks', 'pendingTasks', 'instances', 'cpuReservation', 'costPerHour']) expect(markupOf(html)).toContain(`id="compare-${key}"`);
    // No run has service load: no requests-over-capacity chart.
    expect(markupOf(html)).not.toContain('id="compare-requestsOverCapacity"');
  });
});

describe('ecsim compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecsim-compare-'));

  it('simulates scenario files, or reads results.json files, and writes one page', () => {
    const ran = ecsim(['run', 'sims/plan-ec2.yaml', '--out', join(dir, 'ec2')]);
    expect(ran.code).toBe(0);
    const out = ecsim(['compare', join(dir, 'ec2', 'results.json'), 'sims/plan-fargate.yaml', 'sims/plan-fargate-spot.yaml', '--out', join(dir, 'cmp')]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`comparison: ${join(dir, 'cmp', 'compare.html')}`);
    const page = readFileSync(join(dir, 'cmp', 'compare.html'), 'utf8');
    expect(page).toBe(renderComparison(runs.map((r) => ({ label: r.results.scenario.name, results: r.results }))));
  });

  it('refuses one run, a file that is not Results, and a missing file, with exit code 2 and no stack', () => {
    const one = ecsim(['compare', 'sims/plan-ec2.yaml']);
    expect([one.code, one.stderr]).toEqual([2, 'ecsim: compare: expected at least two results.json or scenario files (ecsim compare A B ...)\n']);
    writeFileSync(join(dir, 'not-results.json'), '{"name": "x"}');
    const bad = ecsim(['compare', join(dir, 'not-results.json'), 'sims/plan-ec2.yaml', '--out', join(dir, 'never')]);
    expect([bad.code, bad.stderr]).toEqual([2, `ecsim: ${join(dir, 'not-results.json')}: expected the results.json of an ecsim run, but it has no "ecsimVersion"\n`]);
    const missing = ecsim(['compare', join(dir, 'nope.json'), 'sims/plan-ec2.yaml']);
    expect([missing.code, missing.stderr]).toEqual([2, `ecsim: ${join(dir, 'nope.json')}: cannot read it (no such file)\n`]);
  });
});

describe('the comparison page in Chromium', () => {
  const { openPage } = useBrowser();

  it('draws one line per run in every chart, on shared axes, with no errors or requests; markup in names stays text', async () => {
    const hostile = { label: '<img src=x onerror=alert(1)>', results: runs[1].results };
    const file = join('out', 'test-report', 'compare.html');
    const { page, log } = await openPage(renderComparison([runs[0], hostile, runs[2]]), file, '#compare-costPerHour svg');
    expect(log.requests).toHaveLength(1);
    await expectNothingInjected(page, log);
    for (const key of ['runningTasks', 'instances', 'costPerHour']) {
      expect(await page.locator(`#compare-${key} svg path.run-line`).count()).toBe(3);
    }
    expect(await page.locator('#table-compare-figures thead th').nth(2).textContent()).toBe('<img src=x onerror=alert(1)>');
    await page.screenshot({ path: 'out/report-screenshots/compare-plans.png', fullPage: true });
    await page.close();
  });
});
