import type { DeploymentRecord, Results, Summary } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { capacitySummary, hasCapacityProviders } from './capacity.js';
import { costSummary, hasCost } from './cost.js';
import { faultSummary } from './faults.js';
import { formatCount, formatPercent, formatSpan, formatUsd } from './format.js';
import { deploymentCounts, type DeploymentCounts } from './services.js';

/** The page header: what was simulated, with which seed, for how long, by which ecsim. */
export function renderHeader(results: Results): string {
  const s = results.scenario;
  const zones = s.availabilityZones.map(escapeHtml).join(', ');
  const description = s.description === undefined ? '' : `\n<p class="description">${escapeHtml(s.description)}</p>`;
  return `<header>
<p class="kicker">ecsim report</p>
<h1 id="scenario-name">${escapeHtml(s.name)}</h1>${description}
<p class="meta">cluster <b>${escapeHtml(s.clusterName)}</b> in ${escapeHtml(s.region)} (${zones}) ·
simulated <b data-figure="durationMs" data-value="${s.durationMs}">${formatSpan(s.durationMs)}</b> ·
seed <b data-figure="seed" data-value="${s.seed}">${s.seed}</b> ·
${formatCount(results.summary.eventsFired)} events · ecsim ${escapeHtml(results.ecsimVersion)}</p>
</header>`;
}

/**
 * One sentence that answers "did the cluster keep up?", and with services one more on their
 * deployments (the RunTask one is left out when only services started tasks).
 */
export function renderVerdict(summary: Summary, deployments: DeploymentRecord[] = []): string {
  const failed = summary.runTaskFailures;
  const sentences: string[] = [];
  if (deployments.length === 0 || summary.tasksRequested > 0) {
    sentences.push(
      failed === 0
        ? `All ${formatCount(summary.tasksRequested)} requested tasks were placed.`
        : `${formatCount(failed)} of ${formatCount(summary.tasksRequested)} requested tasks could not be placed (RunTask failures).`,
    );
  }
  const d = deploymentCounts(deployments);
  if (d.total > 0) sentences.push(deploymentVerdict(d));
  return `<p class="verdict ${failed === 0 && d.failed === 0 ? 'ok' : 'bad'}">${sentences.join(' ')}</p>`;
}

function deploymentVerdict(d: DeploymentCounts): string {
  const n = `${formatCount(d.total)} service deployment${d.total === 1 ? '' : 's'}`;
  if (d.completed === d.total) return d.total === 1 ? `The ${n} completed.` : `All ${n} completed.`;
  const rest = [
    d.failed > 0 ? `${formatCount(d.failed)} failed${d.rollbacks > 0 ? ` (${formatCount(d.rollbacks)} rolled back)` : ''}` : '',
    d.inProgress > 0 ? `${formatCount(d.inProgress)} still in progress at the end` : '',
  ].filter((s) => s !== '');
  return `${formatCount(d.completed)} of ${n} completed; ${rest.join(', ')}.`;
}

/** The headline figures grid. Every number carries its exact Results value in `data-value`. */
export function renderHeadline(results: Results): string {
  const s = results.summary;
  const cards = [
    card('Tasks placed', fig('tasksPlaced', s.tasksPlaced, formatCount), [
      results.services.length === 0
        ? `of ${fig('tasksRequested', s.tasksRequested, formatCount)} requested`
        : `${fig('tasksRequested', s.tasksRequested, formatCount)} requested by RunTask`,
      `${fig('tasksStarted', s.tasksStarted, formatCount)} started`,
    ]),
    card('RunTask failures', fig('runTaskFailures', s.runTaskFailures, formatCount), failureReasons(s.failuresByReason), s.runTaskFailures > 0),
    card('Peak running tasks', fig('peakRunningTasks', s.peakRunningTasks, formatCount), [
      `peak pending ${fig('peakPendingTasks', s.peakPendingTasks, formatCount)}`,
    ]),
    card('Peak instances', fig('peakInstances', s.peakInstances, formatCount), [
      `${fig('instancesLaunched', results.instances.length, formatCount)} container instances in all`,
      ...instancesByProvider(results).map(
        (p) => `${escapeHtml(p.name)}: peak <b data-provider-peak="${escapeHtml(p.name)}" data-value="${p.peak}">${formatCount(p.peak)}</b>, mean <b data-provider-mean="${escapeHtml(p.name)}" data-value="${p.mean}">${formatCount(p.mean)}</b>`,
      ),
    ]),
    reservationCard('CPU reservation', 'cpuReservation', s.cpuReservation),
    reservationCard('Memory reservation', 'memoryReservation', s.memoryReservation),
    card('Wait for capacity p95', fig('waitForCapacityMs.p95', s.waitForCapacityMs.p95, formatSpan), [
      `p50 ${fig('waitForCapacityMs.p50', s.waitForCapacityMs.p50, formatSpan)}`,
      `max ${fig('waitForCapacityMs.max', s.waitForCapacityMs.max, formatSpan)}`,
    ]),
    ...serviceCards(results),
    ...requestCards(results),
    ...costCards(results),
    ...capacityCards(results),
  ];
  return `<section class="figures" id="headline" aria-label="Headline figures">\n${cards.join('\n')}\n</section>`;
}

/** Deployments, rollbacks and tasks that failed to start; no cards when there are no services. */
function serviceCards(results: Results): string[] {
  const services = results.services;
  if (services.length === 0) return [];
  const d = deploymentCounts(results.deployments);
  const started = services.reduce((sum, s) => sum + s.tasksStarted, 0);
  const failedToStart = services.reduce((sum, s) => sum + s.tasksFailedToStart, 0);
  return [
    card('Deployments', fig('deployments', d.total, formatCount), [
      `${fig('deployments.completed', d.completed, formatCount)} completed`,
      `${fig('deployments.failed', d.failed, formatCount)} failed`,
      `${fig('deployments.inProgress', d.inProgress, formatCount)} in progress`,
    ], d.failed > 0),
    card('Rollbacks', fig('rollbacks', d.rollbacks, formatCount), [
      `${fig('services', services.length, formatCount)} service${services.length === 1 ? '' : 's'}`,
    ]),
    card('Tasks failed to start', fig('tasksFailedToStart', failedToStart, formatCount), [
      `of ${fig('serviceTasksStarted', started, formatCount)} launched by services`,
    ], failedToStart > 0),
  ];
}

/**
 * Container instances over the run per capacity provider (and those registered outside any, as
 * `registered`): the peak and the average of the per-minute samples, to one decimal.
 */
export function instancesByProvider(results: Results): { name: string; peak: number; mean: number }[] {
  const providers = Object.entries(results.series.byCapacityProvider).filter(([, p]) => p.instances.length > 0);
  if (providers.length === 0) return [];
  const summarize = (name: string, values: number[]) => ({
    name,
    peak: Math.max(0, ...values),
    mean: values.length === 0 ? 0 : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
  });
  const rows = providers.map(([name, p]) => summarize(name, p.instances));
  const registered = results.series.instances.map((n, i) => n - providers.reduce((sum, [, p]) => sum + (p.instances[i] ?? 0), 0));
  if (registered.some((n) => n > 0)) rows.push(summarize('registered', registered));
  return rows;
}

/** Requests over capacity across the services with load: the SLO breach, with what was offered; none without service load. */
function requestCards(results: Results): string[] {
  const services = Object.values(results.series.serviceMetrics);
  if (services.length === 0) return [];
  const perMinute = (values: (number | null)[]) => values.reduce<number>((sum, v) => sum + (v ?? 0) * 60, 0);
  const offered = Math.round(services.reduce((sum, m) => sum + perMinute(m.requestRate), 0));
  const over = Math.round(services.reduce((sum, m) => sum + perMinute(m.requestsOverCapacity), 0));
  const minutes = results.series.t.filter((_, i) => services.some((m) => (m.requestsOverCapacity[i] ?? 0) > 0)).length;
  const share = offered === 0 ? 0 : Math.round((over / offered) * 10000) / 100;
  return [
    card('Requests over capacity', fig('requestsOverCapacity', over, formatCount), [
      `of ${fig('requestsOffered', offered, formatCount)} offered (${fig('requestsOverCapacity.percent', share, formatPercent)})`,
      `in ${fig('requestsOverCapacity.minutes', minutes, formatCount)} minute${minutes === 1 ? '' : 's'}`,
    ], over > 0),
  ];
}

/** Total cost, its average rate, and the split by purchase option; no card when the run cost nothing. */
function costCards(results: Results): string[] {
  if (!hasCost(results)) return [];
  const c = costSummary(results);
  return [
    card('Total cost', fig('totalCostUsd', c.totalUsd, formatUsd), [
      `${fig('costPerHour.mean', c.averageUsdPerHour, formatUsd)}/h average`,
      ...c.byPurchaseOption.map(([option, usd]) => `<span class="pair">${escapeHtml(option)} <span data-purchase-option="${escapeHtml(option)}" data-value="${usd}">${formatUsd(usd)}</span></span>`),
    ]),
  ];
}

/**
 * With capacity providers or faults: tasks that waited for capacity, cluster auto scaling, and
 * faults with the worst recovery; none of these cards otherwise.
 */
function capacityCards(results: Results): string[] {
  if (!hasCapacityProviders(results) && results.faults.length === 0) return [];
  const c = capacitySummary(results);
  const f = faultSummary(results.faults);
  const worst = f.worstRecoveryMs === null ? '<span>—</span>' : fig('faults.worstRecoveryMs', f.worstRecoveryMs, formatSpan);
  return [
    card('Tasks waited for capacity', fig('tasksWaitedForCapacity', c.tasksWaited, formatCount), [
      `${fig('tasksNeverPlaced', c.tasksNeverPlaced, formatCount)} never got capacity`,
    ], c.tasksNeverPlaced > 0),
    card('Scaling activities', fig('scalingActivities', c.scalingActivities, formatCount), [
      `${fig('scalingActivities.scaleOuts', c.scaleOuts, formatCount)} scale-outs`,
      c.peakDesired === null ? 'no Auto Scaling group provider' : `peak desired ${fig('peakDesiredCapacity', c.peakDesired, formatCount)}`,
    ]),
    card('Faults', fig('faults', f.faults, formatCount), [
      `${fig('faults.tasksStopped', f.tasksStopped, formatCount)} tasks stopped`,
      `${fig('tasksLost', results.summary.tasksLost, formatCount)} lost to Spot interruptions`,
      `worst recovery ${worst}`,
      ...(f.unrecovered > 0 ? [`${fig('faults.unrecovered', f.unrecovered, formatCount)} not recovered by the end`] : []),
    ], f.unrecovered > 0),
  ];
}

function reservationCard(label: string, key: string, value: { mean: number; max: number }): string {
  return card(label, fig(`${key}.mean`, value.mean, formatPercent), [`mean · max ${fig(`${key}.max`, value.max, formatPercent)}`]);
}

/** Reasons by count, most frequent first; ties by name so the order is total. */
function failureReasons(byReason: Record<string, number>): string[] {
  const entries = Object.entries(byReason).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return ['none'];
  return entries.map(([reason, n]) => `<span data-reason="${escapeHtml(reason)}" data-value="${n}">${formatCount(n)}</span> ${escapeHtml(reason)}`);
}

function fig(key: string, value: number, format: (n: number) => string): string {
  return `<span data-figure="${key}" data-value="${value}">${format(value)}</span>`;
}

function card(label: string, valueHtml: string, details: string[], alert = false): string {
  const lines = details.map((d) => `<li>${d}</li>`).join('');
  return `<div class="figure${alert ? ' alert' : ''}"><h3>${label}</h3><p class="value">${valueHtml}</p><ul>${lines}</ul></div>`;
}
