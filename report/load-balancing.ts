import type { Results, TargetGroupRecord } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatSpan } from './format.js';
import { table, text, type Column } from './table.js';

type LoadBalancer = Results['loadBalancers'][number];
type Listener = LoadBalancer['listeners'][number];
type Rule = Listener['rules'][number];

/** `web-alb HTTP:80`: a listener as the console names it. */
function listenerName(lb: LoadBalancer, listener: Listener): string {
  return `${lb.name} ${listener.protocol}:${listener.port}`;
}

/** `path-pattern /api/*, /v2/* and host-header api.example.com`. */
function ruleConditions(rule: Rule): string {
  return rule.conditions.map((c) => `${c.field} ${c.values.join(', ')}`).join(' and ');
}

/**
 * What forwards to target group `name`, in load balancer, listener and rule order:
 * `web-alb HTTP:80 default action`, `web-alb HTTP:80 rule 10: path-pattern /api/*`. Plain text.
 */
export function forwardersOf(name: string, loadBalancers: Results['loadBalancers']): string[] {
  const found: string[] = [];
  for (const lb of loadBalancers) {
    for (const listener of lb.listeners) {
      if (listener.defaultTargetGroup === name) found.push(`${listenerName(lb, listener)} default action`);
      for (const rule of listener.rules) {
        if (rule.targetGroup !== name) continue;
        const conditions = ruleConditions(rule);
        found.push(`${listenerName(lb, listener)} rule ${rule.priority}${conditions === '' ? '' : `: ${conditions}`}`);
      }
    }
  }
  return found;
}

function targetGroupColumns(loadBalancers: Results['loadBalancers']): Column<TargetGroupRecord>[] {
  return [
    { header: 'Target group', cell: (g) => escapeHtml(g.name) },
    { header: 'Kind', cell: (g) => escapeHtml(g.kind) },
    { header: 'Target type', cell: (g) => escapeHtml(g.targetType) },
    { header: 'Check interval', numeric: true, cell: (g) => formatSpan(g.healthCheck.intervalMs) },
    { header: 'Timeout', numeric: true, cell: (g) => formatSpan(g.healthCheck.timeoutMs) },
    { header: 'Healthy after', numeric: true, cell: (g) => checks(g.healthCheck.healthyThreshold) },
    { header: 'Unhealthy after', numeric: true, cell: (g) => checks(g.healthCheck.unhealthyThreshold) },
    { header: 'Deregistration delay', numeric: true, cell: (g) => formatSpan(g.deregistrationDelayMs) },
    { header: 'Forwarded by', cell: (g) => forwardedBy(forwardersOf(g.name, loadBalancers)) },
  ];
}

const checks = (n: number) => `${formatCount(n)} check${n === 1 ? '' : 's'}`;

/** One forwarder a line, each kept whole; none is a muted dash (a target group only a service registers into). */
function forwardedBy(forwarders: string[]): string {
  return forwarders.length === 0 ? text(null) : forwarders.map(escapeHtml).join('<br>');
}

/** A chart slot per target group; the id holds its index in Results, never its name. */
function targetGroupChart(group: TargetGroupRecord, index: number, loadBalancers: Results['loadBalancers']): string {
  const forwarders = forwardersOf(group.name, loadBalancers);
  const facts = [
    `${escapeHtml(group.kind)} · ${escapeHtml(group.targetType)} targets`,
    `health check every ${formatSpan(group.healthCheck.intervalMs)}`,
    `deregistration delay ${formatSpan(group.deregistrationDelayMs)}`,
    forwarders.length === 0 ? 'no listener forwards to it' : `from ${forwarders.map(escapeHtml).join('; ')}`,
  ];
  return `<div class="chart target-group-chart">
<h3 class="chart-name">${escapeHtml(group.name)}</h3>
<p class="caption">${facts.join(' · ')}</p>
<div class="chart-body" id="chart-target-group-${index}"></div>
</div>`;
}

/**
 * Load balancing: a chart of targets by health state per target group (drawn by client-networking.js) and a
 * table of the target groups, ending in a newline. Nothing when the scenario has no target groups.
 */
export function renderLoadBalancingSection(results: Results): string {
  const groups = results.targetGroups;
  if (groups.length === 0) return '';
  const loadBalancers = results.loadBalancers;
  const charts = groups.map((g, i) => targetGroupChart(g, i, loadBalancers)).join('\n');
  const intro =
    '<p class="caption">Targets in each target group by health state, stacked, sampled once a minute: initial (registered, health checks not yet passed), ' +
    'healthy, unhealthy, and draining (deregistered, within the deregistration delay). A state that lasts less than a minute can fall between samples.</p>';
  return `<section class="table-section load-balancing" id="load-balancing">
<h2>Load balancing</h2>
${intro}
${charts}
<h3 class="sub">Target groups</h3>
${table('table-target-groups', targetGroupColumns(loadBalancers), groups)}
</section>
`;
}

/**
 * Service discovery: one chart with a line per Cloud Map service (`namespace/service`) of the
 * instances registered, ending in a newline. Nothing when no service registers in Cloud Map.
 */
export function renderServiceDiscoverySection(results: Results): string {
  const services = Object.keys(results.series.byDiscoveryService);
  if (services.length === 0) return '';
  const caption =
    `<p class="caption">Healthy instances registered in each Cloud Map service (${formatCount(services.length)}), sampled once a minute.</p>`;
  return `<section class="chart service-discovery" id="service-discovery">
<h2>Service discovery</h2>
${caption}
<div class="chart-body" id="chart-discovery"></div>
</section>
`;
}
