import type { InstanceRecord, Results } from '../src/results/results.js';
import { escapeHtml } from './escape-html.js';
import { formatClock, formatCount } from './format.js';
import { section, table, text, type Column } from './table.js';

const INSTANCE_COLUMNS: Column<InstanceRecord>[] = [
  { header: 'Container instance', cell: (i) => escapeHtml(i.id) },
  { header: 'Instance type', cell: (i) => escapeHtml(i.instanceType) },
  { header: 'AZ', cell: (i) => escapeHtml(i.availabilityZone) },
  { header: 'CPU units', numeric: true, cell: (i) => formatCount(i.registeredCpuUnits) },
  { header: 'Memory MiB', numeric: true, cell: (i) => formatCount(i.registeredMemoryMiB) },
  { header: 'Tasks placed', numeric: true, cell: (i) => formatCount(i.tasksPlaced) },
  { header: 'Registered', numeric: true, cell: (i) => formatClock(i.registeredAt) },
  { header: 'Terminated', numeric: true, cell: (i) => (i.terminatedAt === null ? text(null) : formatClock(i.terminatedAt)) },
  { header: 'Custom attributes', wrap: true, cell: (i) => text(customAttributes(i.attributes)) },
];

/** Shown only when some instance belongs to a capacity provider or is Spot. */
const PROVIDER_COLUMNS: Column<InstanceRecord>[] = [
  { header: 'Capacity provider', cell: (i) => text(i.capacityProvider) },
  { header: 'Purchase option', cell: (i) => escapeHtml(i.purchaseOption) },
];

export function renderInstancesTable(instances: InstanceRecord[]): string {
  if (instances.length === 0) {
    return section('instances', 'Container instances', '<p class="empty">No container instances: every task ran on Fargate, or none was placed.</p>');
  }
  const providers = instances.some((i) => i.capacityProvider !== null || i.purchaseOption !== 'on-demand');
  const columns = providers ? [...INSTANCE_COLUMNS.slice(0, 3), ...PROVIDER_COLUMNS, ...INSTANCE_COLUMNS.slice(3)] : INSTANCE_COLUMNS;
  return section('instances', 'Container instances', table('table-instances', columns, instances));
}

/** Scenario fields that were accepted but not simulated; nothing is rendered when there are none. */
export function renderNotes(notes: Results['notes']): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<li><code>${escapeHtml(n.path)}</code>: ${escapeHtml(n.message)}</li>`).join('\n');
  return section('notes', 'Notes', `<p>These scenario fields were accepted but are not simulated:</p>\n<ul class="notes">\n${items}\n</ul>`);
}

/** Attributes the user added; the `ecs.*` ones every instance carries are left out. */
function customAttributes(attributes: Record<string, string>): string | null {
  const custom = Object.entries(attributes).filter(([key]) => !key.startsWith('ecs.'));
  return custom.length === 0 ? null : custom.map(([key, value]) => `${key}=${value}`).join(', ');
}
