import { describe, expect, it } from 'vitest';
import { eventLog, renderEventLog, EVENT_LOG_LIMIT } from '../../report/event-log.js';
import { instancesByProvider, renderHeadline } from '../../report/headline.js';
import { renderReport } from '../../report/render-report.js';
import { requestTotals } from '../../report/service-scaling.js';
import { problemsOf, renderWhatWentWrong } from '../../report/what-went-wrong.js';
import { markupOf } from './html.js';
import { simResults } from './sims-results.js';

describe('what went wrong, each linked to its moment', () => {
  it('an AZ outage: its time, the tasks it stopped and how long recovery took', () => {
    const r = simResults('az-outage.yaml');
    expect(problemsOf(r)).toEqual([{ at: 7_200_000, kind: 'fault', text: 'AZ outage (us-east-1b): 6 tasks stopped, recovered in 2m', chart: 'chart-tasks' }]);
    expect(renderWhatWentWrong(r)).toContain('<a class="moment" href="#chart-tasks" data-at="7200000">2:00:00</a>');
  });

  it('Spot losses: every task stopped by a Spot interruption, from the first', () => {
    const r = simResults('plan-fargate-spot.yaml');
    const lost = r.tasks.filter((t) => t.stopCode === 'SpotInterruption');
    expect(lost.length).toBeGreaterThan(0);
    const spot = problemsOf(r).filter((p) => p.kind === 'spot');
    expect(spot).toEqual([{ at: Math.min(...lost.map((t) => t.stoppingAt!)), kind: 'spot', text: `${lost.length} tasks lost to Spot interruptions`, chart: 'chart-tasks' }]);
  });

  it('a deployment the circuit breaker failed, and requests over capacity (the SLO breach)', () => {
    const deploy = simResults('rolling-deploy.yaml');
    const failed = deploy.deployments.find((d) => d.rolloutState === 'FAILED')!;
    expect(problemsOf(deploy).find((p) => p.kind === 'circuit-breaker')).toMatchObject({ at: failed.updatedAt, chart: 'chart-service-0' });
    const spike = simResults('web-spike.yaml');
    const slo = problemsOf(spike).find((p) => p.kind === 'slo')!;
    expect(slo.text).toBe(`web: ${requestTotals(spike, 'web').overCapacity.toLocaleString('en-US')} requests over capacity in 3 minutes`);
    expect(slo.chart).toBe('chart-service-load-0');
  });

  it('unplaceable tasks, and a run where nothing went wrong says so', () => {
    const placement = simResults('placement.yaml');
    const unplaceable = problemsOf(placement).find((p) => p.kind === 'unplaceable')!;
    expect(unplaceable.at).toBe(placement.runTaskFailures[0].at);
    expect(unplaceable.text).toMatch(new RegExp(`^${placement.runTaskFailures.length} RunTask placements failed`));
    const quiet = simResults('plan-ec2.yaml');
    expect(problemsOf(quiet)).toEqual([]);
    expect(renderWhatWentWrong(quiet)).toContain('Nothing: every task was placed');
  });
});

describe('headline figures for capacity planning', () => {
  it('instances per capacity provider: peak and average of the samples', () => {
    const r = simResults('web-spike.yaml');
    const instances = r.series.byCapacityProvider['web-m5'].instances;
    expect(instancesByProvider(r)).toEqual([{ name: 'web-m5', peak: Math.max(...instances), mean: Math.round((instances.reduce((a, b) => a + b, 0) / instances.length) * 10) / 10 }]);
    expect(renderHeadline(r)).toContain(`data-provider-peak="web-m5" data-value="${Math.max(...instances)}"`);
  });

  it('requests over capacity out of those offered', () => {
    const r = simResults('web-spike.yaml');
    const { offered, overCapacity } = requestTotals(r, 'web');
    const html = renderHeadline(r);
    expect(html).toContain(`data-figure="requestsOverCapacity" data-value="${overCapacity}"`);
    expect(html).toContain(`data-figure="requestsOffered" data-value="${offered}"`);
    expect(renderHeadline(simResults('quickstart.yaml'))).not.toContain('requestsOverCapacity');
  });
});

describe('the event log', () => {
  const r = simResults('rolling-deploy.yaml');
  const log = eventLog(r);

  it('holds every service event, deployment change, instance registration and scaling activity, in time order', () => {
    expect(log.filter((e) => e.kind === 'service').map((e) => e.message)).toEqual(r.serviceEvents.map((e) => e.message));
    expect(log.filter((e) => e.kind === 'instance')).toHaveLength(r.instances.length + r.instances.filter((i) => i.terminatedAt !== null).length);
    expect(log.filter((e) => e.kind === 'deployment')).toHaveLength(r.deployments.length + r.deployments.filter((d) => d.rolloutState !== 'IN_PROGRESS').length);
    for (let i = 1; i < log.length; i++) expect(log[i].at).toBeGreaterThanOrEqual(log[i - 1].at);
  });

  it('renders a row per entry with its kind, and a selector of the kinds present', () => {
    const html = renderEventLog(r);
    const rows = markupOf(html).match(/<tr data-kind="/g) ?? [];
    expect(rows).toHaveLength(Math.min(EVENT_LOG_LIMIT, log.length));
    for (const kind of new Set(log.map((e) => e.kind))) expect(html).toContain(`<option value="${kind}">`);
    expect(renderReport(r)).toContain('id="table-event-log"');
  });
});
