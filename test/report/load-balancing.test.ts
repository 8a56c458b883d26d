import { describe, expect, it } from 'vitest';
import { formatClock, formatSeconds, formatSpan } from '../../report/format.js';
import { forwardersOf } from '../../report/load-balancing.js';
import { renderReport } from '../../report/render-report.js';
import { HOSTILE_LB, albDemoResults, hostileAlbResults } from './alb-results.js';
import { embeddedJson, markupOf, tableCells, tableHeaders } from './html.js';
import { quickstartText, resultsFor } from './quickstart-results.js';
import { rollingDemoResults } from './services-results.js';

const dash = (s: string | null) => (s === null || s === '' ? '—' : s);
const clock = (ms: number | null) => (ms === null ? '—' : formatClock(ms));
const checks = (n: number) => `${n} check${n === 1 ? '' : 's'}`;

describe('the load balancing, service discovery and pipeline sections of the report', () => {
  const results = albDemoResults();
  const html = renderReport(results);

  it('runs the ALB demo to what these sections are about', () => {
    expect(results.targetGroups.map((g) => g.name)).toEqual(['web-tg', 'api-tg']);
    expect(Object.keys(results.series.byTargetGroup).sort()).toEqual(['api-tg', 'web-tg']);
    expect(Object.keys(results.series.byDiscoveryService).sort()).toEqual(['internal.local/api', 'internal.local/web']);
    expect(results.pipelines.map((p) => [p.service, p.image])).toEqual([['web', 'web:2'], ['web', 'web:bad']]);
    expect(results.pipelines.map((p) => results.deployments.find((d) => d.id === p.deploymentId)?.rolloutState)).toEqual(['COMPLETED', 'FAILED']);
    expect(results.tasks.some((t) => t.imagePullMs > 0)).toBe(true);
  });

  it('lists every target group as Results has it, with the listeners that forward to it', () => {
    expect(tableHeaders(html, 'table-target-groups')).toEqual([
      'Target group', 'Kind', 'Target type', 'Check interval', 'Timeout', 'Healthy after', 'Unhealthy after', 'Deregistration delay', 'Forwarded by',
    ]);
    expect(tableCells(html, 'table-target-groups')).toEqual(
      results.targetGroups.map((g) => [
        g.name, g.kind, g.targetType, formatSpan(g.healthCheck.intervalMs), formatSpan(g.healthCheck.timeoutMs),
        checks(g.healthCheck.healthyThreshold), checks(g.healthCheck.unhealthyThreshold), formatSpan(g.deregistrationDelayMs),
        forwardersOf(g.name, results.loadBalancers).join(''),
      ]),
    );
    expect(forwardersOf('web-tg', results.loadBalancers)).toEqual(['web-alb HTTP:80 default action']);
    expect(forwardersOf('api-tg', results.loadBalancers)).toEqual(['web-alb HTTP:80 rule 10: path-pattern /api/*']);
    expect(tableCells(html, 'table-target-groups')[0].slice(3, 8)).toEqual(['10s', '5s', '5 checks', '2 checks', '1m']);
  });

  it('lists every pipeline run as Results has it, with the rollout state of the deployment it started', () => {
    const state = (id: string | null) => dash(results.deployments.find((d) => d.id === id)?.rolloutState ?? null);
    expect(tableCells(html, 'table-pipelines')).toEqual(
      results.pipelines.map((p) => [
        p.id, p.service, p.image, formatClock(p.startedAt), clock(p.sourceDoneAt), clock(p.buildDoneAt), clock(p.pushDoneAt),
        dash(p.taskDefinition), dash(p.deploymentId), state(p.deploymentId),
      ]),
    );
    const unfinished = { ...results.pipelines[0], buildDoneAt: null, pushDoneAt: null, taskDefinition: null, deploymentId: null };
    const page = renderReport({ ...results, pipelines: [unfinished] });
    expect(tableCells(page, 'table-pipelines')[0].slice(5)).toEqual(['—', '—', '—', '—', '—']);
  });

  it('has a chart slot per target group, named by index, and one for service discovery', () => {
    const markup = markupOf(html);
    expect(markup.match(/id="chart-target-group-\d+"/g)).toEqual(['id="chart-target-group-0"', 'id="chart-target-group-1"']);
    expect(markup.match(/id="chart-discovery"/g)).toHaveLength(1);
    const data = embeddedJson(html);
    expect(data.targetGroups).toEqual(results.targetGroups);
    expect(data.pipelines).toEqual(results.pipelines);
    expect(data.series.byTargetGroup).toEqual(results.series.byTargetGroup);
    expect(data.series.byDiscoveryService).toEqual(results.series.byDiscoveryService);
    expect(markup.indexOf('id="services"')).toBeLessThan(markup.indexOf('id="pipelines"'));
    expect(markup.indexOf('id="pipelines"')).toBeLessThan(markup.indexOf('id="load-balancing"'));
    expect(markup.indexOf('id="load-balancing"')).toBeLessThan(markup.indexOf('id="service-discovery"'));
  });

  it('shows each task\'s image pull time in seconds, still capped at 200 rows', () => {
    const rows = tableCells(html, 'table-tasks');
    const column = tableHeaders(html, 'table-tasks').indexOf('Image pull');
    expect(column).toBeGreaterThan(0);
    expect(rows.map((r) => r[column])).toEqual(results.tasks.slice(0, 200).map((t) => formatSeconds(t.imagePullMs)));
    expect(rows.map((r) => r[column])).toContain('11.5s');
    expect(formatSeconds(0)).toBe('0s');
    expect(formatSeconds(1234567)).toBe('1,234.6s');
    const many = renderReport({ ...results, tasks: Array.from({ length: 230 }, (_, i) => ({ ...results.tasks[0], id: `t-${i}` })) });
    expect(tableCells(many, 'table-tasks')).toHaveLength(200);
  });

  it('renders none of these sections for reports without load balancers, Cloud Map or pipelines', () => {
    for (const [name, other] of [['quickstart', resultsFor(quickstartText())], ['rolling demo', rollingDemoResults()]] as const) {
      expect(other.targetGroups, name).toEqual([]);
      expect(other.pipelines, name).toEqual([]);
      const markup = markupOf(renderReport(other));
      for (const absent of ['id="load-balancing"', 'chart-target-group-', 'table-target-groups', 'id="service-discovery"', 'chart-discovery', 'id="pipelines"', 'table-pipelines']) {
        expect(markup, `${name}: ${absent}`).not.toContain(absent);
      }
    }
  });

  it('escapes target group, load balancer, rule and image strings', () => {
    const page = renderReport(hostileAlbResults());
    for (const text of Object.values(HOSTILE_LB)) expect(page).not.toContain(text);
    expect(page).not.toMatch(/<img\b/i);
    expect(page.match(/<\/script>/g)).toHaveLength(3);
    const [web] = tableCells(page, 'table-target-groups');
    expect(web[0]).toBe(HOSTILE_LB.targetGroup);
    expect(web[8]).toBe(`${HOSTILE_LB.loadBalancer} HTTP:80 default action`);
    expect(tableCells(page, 'table-target-groups')[1][8]).toBe(`${HOSTILE_LB.loadBalancer} HTTP:80 rule 10: path-pattern ${HOSTILE_LB.ruleValue}`);
    expect(tableCells(page, 'table-pipelines')[0][2]).toBe(HOSTILE_LB.image);
    expect(page).toContain('<h3 class="chart-name">&lt;img src=x onerror=alert(8)&gt;tg</h3>');
  });
});
