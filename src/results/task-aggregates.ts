import type { Task } from '../model/task.js';
import type { World } from '../model/world.js';

/** What Results say about tasks besides their records, counted in one pass over every task of the run. */
export interface TaskAggregates {
  started: number;
  /** Tasks stopped by Spot interruptions and by their host going away. */
  lost: number;
  /** Time each placed task waited for capacity, sorted. */
  waits: number[];
  placedPerInstance: Map<string, number>;
  perService: Map<string, { running: number; started: number; failedToStart: number }>;
}

export function emptyTaskAggregates(): TaskAggregates {
  return { started: 0, lost: 0, waits: [], placedPerInstance: new Map(), perService: new Map() };
}

/** The aggregates of every task of the run: those retired along the way (summary runs) and those still held. */
export function taskAggregates(world: World): TaskAggregates {
  const retired = world.retiredTasks.aggregates;
  const aggregates: TaskAggregates = {
    started: retired.started,
    lost: retired.lost,
    waits: [...retired.waits],
    placedPerInstance: new Map(retired.placedPerInstance),
    perService: new Map([...retired.perService].map(([name, c]) => [name, { ...c }])),
  };
  for (const t of world.tasks) {
    if (t.retired) continue;
    foldTask(aggregates, t);
  }
  aggregates.waits.sort((a, b) => a - b);
  return aggregates;
}

/** Adds one task to the aggregates. */
export function foldTask(aggregates: TaskAggregates, t: Task): void {
  if (t.startedAt !== undefined) aggregates.started++;
  if (t.stopCode === 'SpotInterruption' || t.stopCode === 'TerminationNotice') aggregates.lost++;
  if (t.containerInstanceId !== undefined) {
    aggregates.placedPerInstance.set(t.containerInstanceId, (aggregates.placedPerInstance.get(t.containerInstanceId) ?? 0) + 1);
  }
  if (t.containerInstanceId !== undefined || t.launchType === 'FARGATE') aggregates.waits.push(t.waitForCapacityMs);
  if (t.serviceName !== undefined) {
    let service = aggregates.perService.get(t.serviceName);
    if (!service) aggregates.perService.set(t.serviceName, (service = { running: 0, started: 0, failedToStart: 0 }));
    service.started++;
    if (t.lastStatus === 'RUNNING') service.running++;
    if (t.stopCode === 'TaskFailedToStart') service.failedToStart++;
  }
}
