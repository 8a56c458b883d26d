import type { Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount } from './format.js';

/** The event log stops here (in time order); results.json has everything. */
export const EVENT_LOG_LIMIT = 2000;

export type EventKind = 'service' | 'deployment' | 'service scaling' | 'cluster scaling' | 'instance' | 'task' | 'RunTask failure' | 'fault';

export interface LogEntry {
  at: number;
  kind: EventKind;
  /** What it happened to: a service, capacity provider, instance or task. */
  subject: string;
  message: string;
}

/** Task stops worth a line of their own (the service scheduler's routine ones are in the service events). */
const NOTABLE_STOPS = new Set(['SpotInterruption', 'TaskFailedToStart', 'EssentialContainerExited', 'TerminationNotice']);

/**
 * Everything that happened in a run, as one log in time order (ties: the order below, then as
 * recorded): service events in ECS's words, deployments, Service Auto Scaling and cluster auto
 * scaling activities, instances registering and terminating, notable task stops, RunTask failures
 * and faults.
 */
export function eventLog(results: Results): LogEntry[] {
  const entries: LogEntry[] = [
    ...results.serviceEvents.map((e) => ({ at: e.at, kind: 'service' as const, subject: e.service, message: e.message })),
    ...results.deployments.flatMap((d) => [
      { at: d.createdAt, kind: 'deployment' as const, subject: d.serviceName, message: `deployment ${d.id} of ${d.taskDefinition} created${d.rollbackOf ? ` (rolling back ${d.rollbackOf})` : ''}` },
      ...(d.rolloutState === 'IN_PROGRESS' ? [] : [{ at: d.updatedAt, kind: 'deployment' as const, subject: d.serviceName, message: `deployment ${d.id} ${d.rolloutState}: ${d.rolloutStateReason}` }]),
    ]),
    ...results.serviceScalingActivities.map((a) => ({ at: a.at, kind: 'service scaling' as const, subject: a.service, message: `desired count ${a.from} → ${a.to}: ${a.cause}` })),
    ...results.scalingActivities.map((a) => ({ at: a.at, kind: 'cluster scaling' as const, subject: a.capacityProvider, message: `desired capacity ${a.from} → ${a.to} (CapacityProviderReservation ${a.reservation}%)` })),
    ...results.instances.flatMap((i) => [
      { at: i.registeredAt, kind: 'instance' as const, subject: i.id, message: `${i.instanceType} (${i.purchaseOption}) registered in ${i.availabilityZone}${i.capacityProvider ? ` by ${i.capacityProvider}` : ''}` },
      ...(i.terminatedAt === null ? [] : [{ at: i.terminatedAt, kind: 'instance' as const, subject: i.id, message: 'terminated' }]),
    ]),
    ...results.tasks
      .filter((t) => t.stopCode !== null && NOTABLE_STOPS.has(t.stopCode))
      .map((t) => ({ at: t.stoppingAt ?? t.stoppedAt ?? t.createdAt, kind: 'task' as const, subject: t.id, message: `${t.stopCode}: ${t.stoppedReason ?? ''}`.trim() })),
    ...results.runTaskFailures.map((f) => ({ at: f.at, kind: 'RunTask failure' as const, subject: f.source, message: `${f.reason}: ${f.message}` })),
    ...results.faults.map((f) => ({ at: f.at, kind: 'fault' as const, subject: f.target, message: `${f.kind}: ${f.tasksStopped} tasks stopped${f.recoveredAt === null ? '' : `, recovered at ${formatClock(f.recoveredAt)}`}` })),
  ];
  // A stable sort keeps each kind's own order among equal times.
  return entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map(({ e }) => e);
}

/** The event log section: a kind selector and a text filter (wired by client-events.js) over the table. */
export function renderEventLog(results: Results): string {
  const entries = eventLog(results);
  if (entries.length === 0) return '';
  const shown = entries.slice(0, EVENT_LOG_LIMIT);
  const kinds = [...new Set(entries.map((e) => e.kind))];
  const options = kinds.map((k) => `<option value="${escapeHtml(k)}">${escapeHtml(k)} (${formatCount(entries.filter((e) => e.kind === k).length)})</option>`).join('');
  const rows = shown.map(
    (e) => `<tr data-kind="${escapeHtml(e.kind)}"><td class="num">${formatClock(e.at)}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.subject)}</td><td class="wrap">${escapeHtml(e.message)}</td></tr>`,
  );
  const more = entries.length > shown.length ? `\n<p class="more">Showing the first ${formatCount(shown.length)} of ${formatCount(entries.length)} events; results.json has them all.</p>` : '';
  return `<section class="table-section event-log" id="event-log">
<h2>Event log</h2>
<p class="caption">Everything that happened, in time order: service events in ECS's words, deployments, scaling, instances, notable task stops, RunTask failures, faults.</p>
<div class="filter" hidden><label for="event-log-kind">Kind</label>
<select id="event-log-kind"><option value="">all</option>${options}</select>
<label for="event-log-filter">Filter</label>
<input type="search" id="event-log-filter" placeholder="subject or text" autocomplete="off" spellcheck="false">
<span id="event-log-count" class="none" aria-live="polite"></span></div>
<div class="table-wrap"><table id="table-event-log">
<thead><tr><th class="num">Time</th><th>Kind</th><th>Subject</th><th class="wrap">What happened</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>${more}
</section>
`;
}
