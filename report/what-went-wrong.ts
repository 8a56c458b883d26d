import type { Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount, formatSpan } from './format.js';
import { chartedServiceMetrics } from './service-scaling.js';

/** One thing that went wrong: when it (first) happened, what, and which chart shows it. */
export interface Problem {
  at: number;
  kind: 'unplaceable' | 'slo' | 'circuit-breaker' | 'spot' | 'fault' | 'failed-to-start';
  text: string;
  chart: string;
}

/**
 * What went wrong in a run, in time order: tasks RunTask could not place, requests over capacity
 * (the SLO breach), deployments the circuit breaker failed, tasks lost to Spot interruptions, faults,
 * service tasks that failed to start. Plain text (escaped when rendered).
 */
export function problemsOf(results: Results): Problem[] {
  const problems: Problem[] = [];
  const failures = results.runTaskFailures;
  if (failures.length > 0) {
    const reasons = Object.entries(results.summary.failuresByReason)
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
      .map(([reason, n]) => `${formatCount(n)} ${reason}`);
    problems.push({ at: failures[0].at, kind: 'unplaceable', text: `${formatCount(failures.length)} RunTask placements failed (${reasons.join(', ')})`, chart: 'chart-failures' });
  }
  chartedServiceMetrics(results).forEach((service, i) => {
    const m = results.series.serviceMetrics[service];
    const minutes = m.requestsOverCapacity.map((v, k) => ({ v: v ?? 0, k })).filter((x) => x.v > 0);
    if (minutes.length === 0) return;
    const total = Math.round(minutes.reduce((sum, x) => sum + x.v * 60, 0));
    const at = results.series.t[minutes[0].k] - 60_000;
    problems.push({ at: Math.max(0, at), kind: 'slo', text: `${service}: ${formatCount(total)} requests over capacity in ${formatCount(minutes.length)} minute${minutes.length === 1 ? '' : 's'}`, chart: `chart-service-load-${i}` });
  });
  const serviceIndex = new Map(results.services.map((s, i) => [s.serviceName, i]));
  for (const d of results.deployments) {
    if (d.rolloutState !== 'FAILED') continue;
    problems.push({ at: d.updatedAt, kind: 'circuit-breaker', text: `${d.serviceName}: deployment ${d.id} failed (${d.rolloutStateReason})`, chart: `chart-service-${serviceIndex.get(d.serviceName) ?? 0}` });
  }
  const spot = results.tasks.filter((t) => t.stopCode === 'SpotInterruption').sort((a, b) => (a.stoppedAt ?? a.stoppingAt ?? 0) - (b.stoppedAt ?? b.stoppingAt ?? 0));
  if (spot.length > 0) {
    problems.push({ at: spot[0].stoppingAt ?? spot[0].stoppedAt ?? 0, kind: 'spot', text: `${formatCount(spot.length)} tasks lost to Spot interruptions`, chart: 'chart-tasks' });
  }
  for (const f of results.faults) {
    const recovery = f.recoveredAt === null ? 'not recovered by the end' : `recovered in ${formatSpan(f.recoveredAt - f.at)}`;
    problems.push({ at: f.at, kind: 'fault', text: `${f.kind} (${f.target}): ${formatCount(f.tasksStopped)} tasks stopped, ${recovery}`, chart: 'chart-tasks' });
  }
  results.services.forEach((s, i) => {
    if (s.tasksFailedToStart === 0) return;
    const first = results.tasks.filter((t) => t.serviceName === s.serviceName && t.stopCode === 'TaskFailedToStart').map((t) => t.stoppedAt ?? t.createdAt).sort((a, b) => a - b)[0];
    problems.push({ at: first ?? 0, kind: 'failed-to-start', text: `${s.serviceName}: ${formatCount(s.tasksFailedToStart)} tasks failed to start`, chart: `chart-service-${i}` });
  });
  return problems.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind));
}

/** The "what went wrong" list after the headline: each item links to its moment (the charts zoom there). */
export function renderWhatWentWrong(results: Results): string {
  const problems = problemsOf(results);
  if (problems.length === 0) return '<section class="what-went-wrong ok" id="what-went-wrong"><h2>What went wrong</h2><p>Nothing: every task was placed, no request went over capacity, no deployment failed, nothing was lost.</p></section>';
  const items = problems.map(
    (p) => `<li class="problem problem-${p.kind}"><a class="moment" href="#${p.chart}" data-at="${p.at}">${formatClock(p.at)}</a> ${escapeHtml(p.text)}</li>`,
  );
  return `<section class="what-went-wrong" id="what-went-wrong">
<h2>What went wrong</h2>
<p class="caption">In time order; a time zooms every chart to that moment.</p>
<ul class="problems">
${items.join('\n')}
</ul>
</section>`;
}
