import { describe, expect, it } from 'vitest';
import { formatClock } from '../../report/format.js';
import { renderReport } from '../../report/render-report.js';
import { embeddedJson, tableCells } from './html.js';
import { quickstartText, resultsFor } from './quickstart-results.js';
import { HOSTILE_SERVICE, rollingDemoResults } from './services-results.js';

const figure = (html: string, key: string) => new RegExp(`data-figure="${key.replace('.', '\\.')}" data-value="(\\d+)"`).exec(html)?.[1];

describe('the Services section of the report', () => {
  const results = rollingDemoResults();
  const html = renderReport(results);

  it('runs the rolling demo to the deployments it is about', () => {
    expect(results.deployments.map((d) => [d.taskDefinition, d.rolloutState, d.rollbackOf])).toEqual([
      ['web:1', 'COMPLETED', null],
      ['web:2', 'COMPLETED', null],
      ['web:3', 'FAILED', null],
      ['web:2', 'COMPLETED', results.deployments[2].id],
    ]);
  });

  it('lists every deployment as Results has it', () => {
    const dash = (s: string | null) => (s === null || s === '' ? '—' : s);
    expect(tableCells(html, 'table-deployments')).toEqual(
      results.deployments.map((d) => [
        d.id, d.serviceName, d.taskDefinition, d.rolloutState, dash(d.rolloutStateReason),
        formatClock(d.createdAt), formatClock(d.updatedAt), String(d.failedTasks), dash(d.rollbackOf),
      ]),
    );
  });

  it('shows the service event log in time order, as Results has it', () => {
    expect(results.serviceEvents.length).toBeGreaterThan(0);
    expect(tableCells(html, 'table-service-events')).toEqual(results.serviceEvents.map((e) => [formatClock(e.at), e.service, e.message]));
    expect(html).toContain('id="service-events-filter"');
  });

  it('caps the event log at 500 rows and says how many more there are', () => {
    const serviceEvents = Array.from({ length: 620 }, (_, i) => ({ ...results.serviceEvents[0], at: i * 1000 }));
    const page = renderReport({ ...results, serviceEvents });
    expect(tableCells(page, 'table-service-events')).toHaveLength(500);
    expect(page).toContain('Showing the first 500 of 620 rows; 120 more are in results.json.');
  });

  it('adds deployment, rollback and failed-to-start figures to the headline', () => {
    expect(figure(html, 'deployments')).toBe('4');
    expect(figure(html, 'deployments.completed')).toBe('3');
    expect(figure(html, 'deployments.failed')).toBe('1');
    expect(figure(html, 'deployments.inProgress')).toBe('0');
    expect(figure(html, 'rollbacks')).toBe('1');
    expect(figure(html, 'tasksFailedToStart')).toBe(String(results.services[0].tasksFailedToStart));
    expect(Number(figure(html, 'tasksFailedToStart'))).toBeGreaterThan(0);
    expect(html).toContain('3 of 4 service deployments completed; 1 failed (1 rolled back).');
  });

  it('has one chart slot per service, named by index, and embeds only what the charts need', () => {
    expect(html.match(/id="chart-service-\d+"/g)).toEqual(['id="chart-service-0"']);
    const data = embeddedJson(html);
    expect(data.tasks).toBeUndefined();
    expect(data.serviceEvents).toBeUndefined();
    expect(data.services).toEqual(results.services);
    expect(data.series.byService).toEqual(results.series.byService);
    expect(data.deployments.map((d: { id: string }) => d.id)).toEqual(results.deployments.map((d) => d.id));
    expect(Object.keys(data.deployments[0]).sort()).toEqual(
      ['createdAt', 'id', 'rollbackOf', 'rolloutState', 'rolloutStateReason', 'serviceName', 'taskDefinition', 'updatedAt'],
    );
  });

  it('renders no Services section, figures or chart for a scenario without services', () => {
    const quickstart = resultsFor(quickstartText());
    expect(quickstart.services).toEqual([]);
    const page = renderReport(quickstart);
    const markup = page.slice(0, page.indexOf('<script')); // the inlined client script names them all
    expect(embeddedJson(page).deployments).toEqual([]);
    for (const absent of ['id="services"', 'chart-service-', 'table-deployments', 'table-service-events', 'service-events-filter', 'data-figure="deployments"', 'data-figure="rollbacks"', 'data-figure="tasksFailedToStart"', 'service deployment']) {
      expect(markup, absent).not.toContain(absent);
    }
    expect(markup).toMatch(/<p class="verdict (ok|bad)">[^<]*RunTask failures\)\.<\/p>/);
  });

  it('escapes a service name with markup everywhere it shows', () => {
    const hostile = rollingDemoResults(HOSTILE_SERVICE);
    expect(hostile.services[0].serviceName).toBe(HOSTILE_SERVICE);
    const page = renderReport(hostile);
    expect(page).not.toContain(HOSTILE_SERVICE);
    expect(page).not.toMatch(/<img\b/i);
    expect(page).toContain('<h3 class="service-name">&lt;img src=x onerror=alert(6)&gt;&quot;web&quot;</h3>');
    expect(tableCells(page, 'table-deployments').map((r) => r[1])).toEqual(hostile.deployments.map(() => HOSTILE_SERVICE));
    expect(tableCells(page, 'table-service-events')[0].slice(1)).toEqual([HOSTILE_SERVICE, hostile.serviceEvents[0].message]);
    expect(page.match(/<\/script>/g)).toHaveLength(3);
    expect(embeddedJson(page).services[0].serviceName).toBe(HOSTILE_SERVICE);
  });

  it('escapes task definitions, reasons and messages in the deployments table and event log', () => {
    const deployments = [{ ...results.deployments[0], taskDefinition: '<b>td</b>', rolloutStateReason: 'x & "y"', rollbackOf: '<i>z</i>' }];
    const serviceEvents = [{ at: 0, service: 'web', message: '<script>alert(7)</script>' }];
    const page = renderReport({ ...results, deployments, serviceEvents });
    expect(page).not.toContain('<b>td</b>');
    expect(page).not.toContain('<i>z</i>');
    expect(page).not.toContain('<script>alert(7)');
    expect(tableCells(page, 'table-deployments')[0].slice(2, 5)).toEqual(['<b>td</b>', 'COMPLETED', 'x & "y"']);
    expect(tableCells(page, 'table-service-events')).toEqual([['0:00:00', 'web', '<script>alert(7)</script>']]);
  });
});
