import { describe, expect, it } from 'vitest';
import { renderReport } from '../../report/render-report.js';
import { HOSTILE, hostileQuickstartText, quickstartText, resultsFor } from './quickstart-results.js';

describe('renderReport', () => {
  const results = resultsFor(quickstartText());
  const html = renderReport(results);

  it('is deterministic: the same Results give byte-identical HTML', () => {
    expect(renderReport(results)).toBe(html);
    expect(renderReport(JSON.parse(JSON.stringify(results)))).toBe(html);
    expect(renderReport(resultsFor(quickstartText()))).toBe(html);
  });

  it('is self-contained: no stylesheet links and no src/href pointing to the network', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
  });

  it('inlines d3, the styles and the client script, and embeds the Results as JSON', () => {
    expect(html).toContain('https://d3js.org v7');
    expect(html).toContain('.chart-body svg');
    expect(html).toContain('<script type="application/json" id="ecsim-results">');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('opens with the headline figures, rendered on the server', () => {
    const s = results.summary;
    expect(html.indexOf('id="headline"')).toBeLessThan(html.indexOf('id="chart-tasks"'));
    expect(html).toContain(`data-figure="tasksRequested" data-value="${s.tasksRequested}">${s.tasksRequested}<`);
    expect(html).toContain(`data-figure="cpuReservation.mean" data-value="${s.cpuReservation.mean}">${s.cpuReservation.mean}%<`);
  });

  it('escapes every user string: scenario name, description, source, group and attributes', () => {
    const hostile = renderReport(resultsFor(hostileQuickstartText()));
    for (const text of Object.values(HOSTILE)) expect(hostile).not.toContain(text);
    expect(hostile).not.toMatch(/<img\b/i);
    expect(hostile).not.toMatch(/<b onmouseover/i);
    expect(hostile.match(/<\/script>/g)).toHaveLength(3);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('&lt;script&gt;alert(3)&lt;/script&gt; reports');
  });

  it('caps long tables at 200 rows and says how many more there are', () => {
    const many = { ...results, runTaskFailures: Array.from({ length: 250 }, (_, i) => ({ ...results.runTaskFailures[0], at: i * 1000 })) };
    const page = renderReport(many);
    const failuresTable = page.slice(page.indexOf('id="table-failures"'), page.indexOf('</table>', page.indexOf('id="table-failures"')));
    expect(failuresTable.match(/<tr>/g)).toHaveLength(201);
    expect(page).toContain('Showing the first 200 of 250 rows');
  });

  it('lists the notes only when there are some', () => {
    expect(html).not.toContain('id="notes"');
    const noted = renderReport({ ...results, notes: [{ path: 'services[0]', message: 'services are <not> simulated yet' }] });
    expect(noted).toContain('<code>services[0]</code>: services are &lt;not&gt; simulated yet');
  });
});
