import type { Results, TaskRecord } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount, formatPercent, formatSeconds, formatSpan } from './format.js';
import { section, table, text, type Column } from './table.js';

/** Where tasks went, one row per availability zone. */
export interface AvailabilityZoneRow {
  availabilityZone: string;
  /** Container instances launched there over the run. */
  instances: number;
  /** Tasks placed there (every TaskRecord in that AZ). */
  tasksPlaced: number;
  /** The most tasks on that AZ's instances at one per-minute sample. */
  peakConcurrentTasks: number;
}

/** The scenario's AZs in its order, then any other AZ an instance or task names (sorted). */
export function availabilityZoneSummary(results: Results): AvailabilityZoneRow[] {
  const seen = new Set(results.scenario.availabilityZones);
  const extra = new Set<string>();
  for (const { availabilityZone } of [...results.instances, ...results.tasks]) if (availabilityZone !== null && !seen.has(availabilityZone)) extra.add(availabilityZone);
  const zones = [...results.scenario.availabilityZones, ...[...extra].sort()];
  const samples = results.series.t.length;
  return zones.map((zone) => {
    const instances = results.instances.filter((i) => i.availabilityZone === zone);
    const perSample = new Array<number>(samples).fill(0);
    for (const instance of instances) {
      const tasks = results.series.byInstance[instance.id]?.tasks ?? [];
      for (let i = 0; i < samples; i++) perSample[i] += tasks[i] ?? 0;
    }
    return {
      availabilityZone: zone,
      instances: instances.length,
      tasksPlaced: results.tasks.filter((t) => t.availabilityZone === zone).length,
      peakConcurrentTasks: perSample.reduce((peak, n) => Math.max(peak, n), 0),
    };
  });
}

export function renderAvailabilityZonesTable(results: Results): string {
  const total = results.tasks.length;
  const columns: Column<AvailabilityZoneRow>[] = [
    { header: 'Availability zone', cell: (z) => escapeHtml(z.availabilityZone) },
    { header: 'Container instances', numeric: true, cell: (z) => formatCount(z.instances) },
    { header: 'Tasks placed', numeric: true, cell: (z) => formatCount(z.tasksPlaced) },
    { header: 'Share of placed', numeric: true, cell: (z) => (total === 0 ? text(null) : formatPercent(Math.round((z.tasksPlaced / total) * 1000) / 10)) },
    { header: 'Peak concurrent tasks', numeric: true, cell: (z) => formatCount(z.peakConcurrentTasks) },
  ];
  const caption = '<p class="caption">Peak concurrent tasks: the most tasks on the zone\'s instances at one per-minute sample.</p>';
  return section('availability-zones', 'Tasks by availability zone', `${caption}\n${table('table-azs', columns, availabilityZoneSummary(results))}`);
}

/** Host ports as DescribeTasks would list them: `80->32768/tcp, 9000->9000/udp`. */
export function formatNetworkBindings(bindings: TaskRecord['networkBindings']): string {
  return bindings.map((b) => `${b.containerPort}->${b.hostPort}/${b.protocol}`).join(', ');
}

/** Each binding kept on one line (`->` would otherwise break after the hyphen); the list wraps at the commas. */
function hostPorts(bindings: TaskRecord['networkBindings']): string {
  if (bindings.length === 0) return text(null);
  return bindings.map((b) => `<span class="binding">${escapeHtml(formatNetworkBindings([b]))}</span>`).join(', ');
}

const clock = (ms: number | null) => (ms === null ? text(null) : formatClock(ms));

const TASK_COLUMNS: Column<TaskRecord>[] = [
  { header: 'Task', cell: (t) => escapeHtml(t.id) },
  { header: 'Task group', cell: (t) => escapeHtml(t.group) },
  { header: 'Task definition', cell: (t) => escapeHtml(t.taskDefinition) },
  { header: 'Container instance', cell: (t) => text(t.containerInstanceId) },
  { header: 'AZ', cell: (t) => text(t.availabilityZone) },
  { header: 'Host ports', wrap: true, cell: (t) => hostPorts(t.networkBindings) },
  { header: 'Created', numeric: true, cell: (t) => formatClock(t.createdAt) },
  { header: 'Started', numeric: true, cell: (t) => clock(t.startedAt) },
  { header: 'Image pull', numeric: true, cell: (t) => formatSeconds(t.imagePullMs) },
  { header: 'Stopped', numeric: true, cell: (t) => clock(t.stoppedAt) },
  { header: 'Stop code', cell: (t) => text(t.stopCode) },
];

/** `EC2`, `FARGATE`, `EC2 · batch-asg`, `FARGATE · FARGATE_SPOT`: the provider when it says more than the launch type. */
export function launchTypeAndProvider(t: TaskRecord): string {
  return t.capacityProvider === null || t.capacityProvider === t.launchType ? t.launchType : `${t.launchType} · ${t.capacityProvider}`;
}

/** Shown only when some task used a capacity provider or Fargate, or waited for capacity. */
const CAPACITY_COLUMNS: Column<TaskRecord>[] = [
  { header: 'Launch type / provider', cell: (t) => escapeHtml(launchTypeAndProvider(t)) },
  { header: 'Wait for capacity', numeric: true, cell: (t) => formatSpan(t.waitForCapacityMs) },
];

/** The task columns: with capacity providers, launch type / provider after the AZ and the wait before Started. */
export function taskColumns(tasks: TaskRecord[]): Column<TaskRecord>[] {
  const capacity = tasks.some((t) => t.launchType !== 'EC2' || t.capacityProvider !== null || t.waitForCapacityMs > 0);
  if (!capacity) return TASK_COLUMNS;
  const at = (header: string) => TASK_COLUMNS.findIndex((c) => c.header === header);
  return [...TASK_COLUMNS.slice(0, at('Host ports')), CAPACITY_COLUMNS[0], ...TASK_COLUMNS.slice(at('Host ports'), at('Started')), CAPACITY_COLUMNS[1], ...TASK_COLUMNS.slice(at('Started'))];
}

/** Every task in Results order (placed, and any that never got capacity), capped at TABLE_ROW_LIMIT rows. */
export function renderTasksTable(tasks: TaskRecord[], taskRecords: 'full' | 'summary' = 'full'): string {
  const empty = taskRecords === 'summary' ? '<p class="empty">The run kept no per-task records (<code>--tasks summary</code>); the figures above count every task.</p>' : '<p class="empty">No task was placed.</p>';
  const body = tasks.length === 0 ? empty : table('table-tasks', taskColumns(tasks), tasks);
  return section('tasks', 'Tasks', body);
}
