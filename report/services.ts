import type { DeploymentRecord, Results, ServiceRecord } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount } from './format.js';
import { table, text, type Column } from './table.js';

/** The service event log stops here; results.json holds every event. */
export const SERVICE_EVENT_LIMIT = 500;

/** What the service charts draw of each deployment: the band, its colour and its label. */
export type DeploymentBand = Pick<
  DeploymentRecord,
  'id' | 'serviceName' | 'taskDefinition' | 'rolloutState' | 'rolloutStateReason' | 'createdAt' | 'updatedAt' | 'rollbackOf'
>;

export function deploymentBands(deployments: DeploymentRecord[]): DeploymentBand[] {
  return deployments.map(({ id, serviceName, taskDefinition, rolloutState, rolloutStateReason, createdAt, updatedAt, rollbackOf }) => ({
    id, serviceName, taskDefinition, rolloutState, rolloutStateReason, createdAt, updatedAt, rollbackOf,
  }));
}

export interface DeploymentCounts {
  total: number;
  completed: number;
  failed: number;
  inProgress: number;
  /** Deployments the circuit breaker started to roll a failed one back. */
  rollbacks: number;
}

export function deploymentCounts(deployments: DeploymentRecord[]): DeploymentCounts {
  const state = (s: DeploymentRecord['rolloutState']) => deployments.filter((d) => d.rolloutState === s).length;
  return {
    total: deployments.length,
    completed: state('COMPLETED'),
    failed: state('FAILED'),
    inProgress: state('IN_PROGRESS'),
    rollbacks: deployments.filter((d) => d.rollbackOf !== null).length,
  };
}

/** Rollout states as they show in the table; the class names come from this fixed map, never from data. */
const ROLLOUT_STATE: Record<DeploymentRecord['rolloutState'], string> = {
  COMPLETED: 'completed',
  FAILED: 'failed',
  IN_PROGRESS: 'in-progress',
};

/** A rollout state as table HTML, coloured by a class from ROLLOUT_STATE. */
export function rolloutState(state: DeploymentRecord['rolloutState']): string {
  return `<span class="rollout ${ROLLOUT_STATE[state] ?? ''}">${escapeHtml(state)}</span>`;
}

const DEPLOYMENT_COLUMNS: Column<DeploymentRecord>[] = [
  { header: 'Deployment', cell: (d) => escapeHtml(d.id) },
  { header: 'Service', cell: (d) => escapeHtml(d.serviceName) },
  { header: 'Task definition', cell: (d) => escapeHtml(d.taskDefinition) },
  { header: 'Rollout state', cell: (d) => rolloutState(d.rolloutState) },
  { header: 'Reason', wrap: true, cell: (d) => text(d.rolloutStateReason) },
  { header: 'Created', numeric: true, cell: (d) => formatClock(d.createdAt) },
  { header: 'Updated', numeric: true, cell: (d) => formatClock(d.updatedAt) },
  { header: 'Failed tasks', numeric: true, cell: (d) => formatCount(d.failedTasks) },
  { header: 'Rollback of', cell: (d) => text(d.rollbackOf) },
];

type ServiceEvent = Results['serviceEvents'][number];

const EVENT_COLUMNS: Column<ServiceEvent>[] = [
  { header: 'Time', numeric: true, cell: (e) => formatClock(e.at) },
  { header: 'Service', cell: (e) => escapeHtml(e.service) },
  { header: 'Message', wrap: true, cell: (e) => text(e.message) },
];

/** One chart slot per service; the id holds the service's index, never its name. */
function serviceChart(service: ServiceRecord, index: number): string {
  const s = service;
  const facts = [
    escapeHtml(s.schedulingStrategy),
    `task definition ${escapeHtml(s.taskDefinition)}`,
    `desired ${formatCount(s.desiredCount)}, running ${formatCount(s.runningCount)} at the end`,
    `${formatCount(s.tasksStarted)} tasks started, ${formatCount(s.tasksFailedToStart)} failed to start`,
  ];
  return `<div class="chart service-chart">
<h3 class="service-name">${escapeHtml(s.serviceName)}</h3>
<p class="caption">${facts.join(' · ')}</p>
<div class="chart-body" id="chart-service-${index}"></div>
</div>`;
}

function eventLog(events: ServiceEvent[]): string {
  if (events.length === 0) return '<p class="empty">No service events.</p>';
  const shown = Math.min(events.length, SERVICE_EVENT_LIMIT);
  const filter = `<div class="filter" hidden><label for="service-events-filter">Filter</label>
<input type="search" id="service-events-filter" placeholder="service or message" autocomplete="off" spellcheck="false">
<span id="service-events-count" class="none" aria-live="polite"></span></div>`;
  const caption = `<p class="caption">In ECS's words, in time order.${events.length > shown ? ` The filter searches the ${formatCount(shown)} rows shown.` : ''}</p>`;
  return `${caption}\n${filter}\n${table('table-service-events', EVENT_COLUMNS, events, SERVICE_EVENT_LIMIT)}`;
}

/**
 * The services: a chart per service (drawn by client-services.js), every deployment, and the
 * service event log, ending in a newline. Nothing at all when the scenario has no services, so such reports look
 * as they always did.
 */
export function renderServicesSection(results: Results): string {
  if (results.services.length === 0) return '';
  const charts = results.services.map(serviceChart).join('\n');
  const intro =
    '<p class="caption">Per service, sampled once a minute: desired count (dashed step), RUNNING, RUNNING and healthy, and not yet RUNNING (pending). ' +
    'Shaded bands: each deployment from its creation to its last update (to the end of the run while in progress), coloured by rollout state.</p>';
  return `<section class="table-section services" id="services">
<h2>Services</h2>
${intro}
${charts}
<h3 class="sub">Deployments</h3>
${table('table-deployments', DEPLOYMENT_COLUMNS, results.deployments)}
<h3 class="sub">Service events</h3>
${eventLog(results.serviceEvents)}
</section>
`;
}
