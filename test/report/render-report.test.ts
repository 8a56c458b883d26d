import { describe, expect, it } from 'vitest';
import { formatClock, formatSeconds } from '../../report/format.js';
import { renderReport } from '../../report/render-report.js';
import type { Results } from '../../src/index.js';
import { tableCells } from './html.js';
import { HOSTILE, hostileQuickstartText, portsQuickstartText, quickstartText, resultsFor } from './quickstart-results.js';

/** Per AZ, straight from Results: instances, tasks placed, the most tasks on its instances at one sample. */
function expectedZones(results: Results): string[][] {
  return results.scenario.availabilityZones.map((zone) => {
    const ids = results.instances.filter((i) => i.availabilityZone === zone).map((i) => i.id);
    const atSample = results.series.t.map((_, i) => ids.reduce((sum, id) => sum + results.series.byInstance[id].tasks[i], 0));
    return [zone, String(ids.length), String(results.tasks.filter((t) => t.availabilityZone === zone).length), String(Math.max(0, ...atSample))];
  });
}

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
    expect(page).toContain('Showing the first 200 of 250 rows; 50 more are in results.json.');
  });

  it('summarises placement per availability zone: instances, tasks placed, peak concurrent tasks', () => {
    const zones = tableCells(html, 'table-azs');
    expect(zones.map((z) => [z[0], z[1], z[2], z[4]])).toEqual(expectedZones(results));
    expect(zones.reduce((sum, z) => sum + Number(z[2]), 0)).toBe(results.tasks.length);
    expect(zones.map((z) => z[0])).toEqual(['us-east-1a', 'us-east-1b']);
    expect(zones.map((z) => z[1])).toEqual(['2', '1']);
    for (const z of zones) expect(Number(z[4])).toBeGreaterThan(0);
  });

  it('summarises the RunTask failures by reason, with counts and an example message, before the table', () => {
    const ports = resultsFor(portsQuickstartText());
    const page = renderReport(ports);
    const reasons = tableCells(page, 'failure-reasons');
    const byReason = ports.summary.failuresByReason;
    expect(Object.keys(byReason).sort()).toEqual(['RESOURCE:CPU', 'RESOURCE:PORTS']);
    expect(reasons.map((r) => r[0]).sort()).toEqual(Object.keys(byReason).sort());
    const counts = reasons.map((r) => Number(r[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const [reason, n, example] of reasons) {
      expect(Number(n), reason).toBe(byReason[reason]);
      expect(example.startsWith(ports.runTaskFailures.find((f) => f.reason === reason)!.message), reason).toBe(true);
    }
    expect(page.indexOf('id="failure-reasons"')).toBeLessThan(page.indexOf('id="table-failures"'));
    expect(tableCells(html, 'failure-reasons')).toEqual([
      ['RESOURCE:CPU', String(results.summary.runTaskFailures), expect.stringMatching(/^The closest matching container-instance i-\d+ has insufficient CPU units available\. \(/)],
    ]);
  });

  it('escapes reasons and example messages in the failure summary', () => {
    const failure = { ...results.runTaskFailures[0], reason: '<b>odd</b>', message: 'instance <i>x</i> & "y"' };
    const page = renderReport({ ...results, runTaskFailures: [failure] });
    const summary = page.slice(page.indexOf('id="failure-reasons"'), page.indexOf('</table>', page.indexOf('id="failure-reasons"')));
    expect(summary).toContain('<code>&lt;b&gt;odd&lt;/b&gt;</code>');
    expect(summary).toContain('instance &lt;i&gt;x&lt;/i&gt; &amp; &quot;y&quot;');
    expect(summary).not.toContain('<i>');
  });

  it('lists the first 200 tasks and says how many more there are', () => {
    const rows = tableCells(html, 'table-tasks');
    expect(results.tasks.length).toBeGreaterThan(200);
    expect(rows).toHaveLength(200);
    expect(rows.map((r) => r[0])).toEqual(results.tasks.slice(0, 200).map((t) => t.id));
    expect(html).toContain(`Showing the first 200 of ${results.tasks.length} rows; ${results.tasks.length - 200} more are in results.json.`);
    expect(rows[0][5]).toBe('—');
  });

  it('shows each task\'s host ports as containerPort->hostPort/protocol, escaped', () => {
    const ports = resultsFor(portsQuickstartText());
    const page = renderReport(ports);
    const rows = tableCells(page, 'table-tasks');
    const first = ports.tasks[0];
    const bindings = first.networkBindings.map((b) => `${b.containerPort}->${b.hostPort}/${b.protocol}`).join(', ');
    expect(bindings).toMatch(/^(?=.*\b80->\d+\/tcp)(?=.*9000->9000\/udp)/);
    const clock = (ms: number | null) => (ms === null ? '—' : formatClock(ms));
    expect(rows[0]).toEqual([
      first.id, first.group, first.taskDefinition, first.containerInstanceId, first.availabilityZone, bindings,
      formatClock(first.createdAt), clock(first.startedAt), formatSeconds(first.imagePullMs), clock(first.stoppedAt), first.stopCode ?? '—',
    ]);
    expect(page).toContain('9000-&gt;9000/udp');
    expect(page).not.toContain('9000->9000');
  });

  it('keeps the per-task records out of the embedded JSON', () => {
    const json = html.slice(html.indexOf('id="ecsim-results">'), html.indexOf('</script>', html.indexOf('id="ecsim-results">')));
    expect(json).not.toContain('"tasks":[{');
    expect(json).not.toContain(results.tasks[0].id);
  });

  it('lists the notes only when there are some', () => {
    expect(html).not.toContain('id="notes"');
    const noted = renderReport({ ...results, notes: [{ path: 'services[0]', message: 'services are <not> simulated yet' }] });
    expect(noted).toContain('<code>services[0]</code>: services are &lt;not&gt; simulated yet');
  });
});
