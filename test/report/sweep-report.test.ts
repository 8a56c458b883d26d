import { describe, expect, it } from 'vitest';
import { renderSweepReport } from '../../report/sweep-report.js';
import { FIGURES } from '../../src/sweep/run-figures.js';
import { sweepDocument, type RunSummary } from '../../src/sweep/sweep-document.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function sweep() {
  const runs: RunSummary[] = [1, 2, 3].map((seed, i) => ({ cell: i, point: 0, seed, figures: Object.fromEntries(FIGURES.map((f) => [f.name, seed])) }));
  return sweepDocument({ ecsimVersion: '0.1.0', scenario: { name: `web ${HOSTILE}`, sha256: 'cd'.repeat(32) }, sets: [{ path: 'description', values: [HOSTILE] }], seeds: [1, 2, 3] }, runs);
}

describe('sweep.html', () => {
  it('escapes every user string: scenario name, paths and values', () => {
    const html = renderSweepReport(sweep());
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows each figure with its mean and 95% interval', () => {
    const html = renderSweepReport(sweep());
    // 1, 2, 3: mean 2, interval 2 ± 4.303 / sqrt(3) = -0.484 to 4.484
    expect(html).toMatch(/<h2>totalCostUsd <span class="unit">\(USD\)<\/span><\/h2>/);
    expect(html).toContain('<td class="num">2</td><td class="num">-0.484 to 4.484</td><td class="num">3</td>');
  });

  it('is self-contained: no scripts, stylesheets or images from anywhere', () => {
    expect(renderSweepReport(sweep())).not.toMatch(/<script|<link|https?:\/\/|url\(/);
  });
});
