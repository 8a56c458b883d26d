import type { LiveCapacity } from '../placement/candidate-index.js';
import { reservationPercent } from '../model/resources.js';
import { pendingTaskCount, type World } from '../model/world.js';
import type { Millis } from '../engine/time.js';

/** Per-minute samples of the cluster, the raw material of Results.series. */
export interface SeriesRecorder {
  periodMs: Millis;
  t: Millis[];
  runningTasks: number[];
  pendingTasks: number[];
  instances: number[];
  cpuReservation: number[];
  memoryReservation: number[];
  byGroup: Map<string, { running: number[]; pending: number[] }>;
  byInstance: Map<string, { cpuReservation: number[]; memoryReservation: number[]; tasks: number[] }>;
  byService: Map<string, { desired: number[]; running: number[]; pending: number[]; healthy: number[] }>;
  byTargetGroup: Map<string, { initial: number[]; healthy: number[]; unhealthy: number[]; draining: number[] }>;
  byDiscoveryService: Map<string, { instances: number[] }>;
  byCapacityProvider: Map<string, { desired: number[]; instances: number[]; launching: number[]; waiting: number[]; reservation: number[] }>;
  /** Per-instance series are kept while at most this many instances have been seen; past it they are dropped. */
  instanceSeriesLimit: number;
  /** True once per-instance series were dropped (the run had more instances than the limit). */
  instanceSeriesDropped: boolean;
}

/**
 * The sampling period: a minute, or as many whole minutes as keep the run to at most `maxSamples`
 * samples (a week at the default 2,880 samples: every 4 minutes).
 */
export function samplePeriodMs(durationMs: Millis, maxSamples: number): Millis {
  return 60_000 * Math.max(1, Math.ceil(durationMs / 60_000 / maxSamples));
}

export function newSeriesRecorder(periodMs: Millis, instanceSeriesLimit = Infinity): SeriesRecorder {
  return {
    periodMs,
    instanceSeriesLimit,
    instanceSeriesDropped: false,
    t: [],
    runningTasks: [],
    pendingTasks: [],
    instances: [],
    cpuReservation: [],
    memoryReservation: [],
    byGroup: new Map(),
    byInstance: new Map(),
    byService: new Map(),
    byTargetGroup: new Map(),
    byDiscoveryService: new Map(),
    byCapacityProvider: new Map(),
  };
}

/** Percentages keep two decimals so Results stay small and stable. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Takes one sample at `now`. Cluster CPUReservation / MemoryReservation follow ECS's definition:
 * units reserved by tasks / units registered by ACTIVE and DRAINING instances x 100.
 */
export function sampleSeries(recorder: SeriesRecorder, world: World, live: LiveCapacity, now: Millis): void {
  const n = recorder.t.length;
  recorder.t.push(now);
  recorder.runningTasks.push(world.statusCounts.RUNNING);
  recorder.pendingTasks.push(pendingTaskCount(world));
  if (!recorder.instanceSeriesDropped && world.instances.length > recorder.instanceSeriesLimit) {
    recorder.instanceSeriesDropped = true;
    recorder.byInstance.clear();
  }
  // Each instance's own series while there are few enough of them.
  for (const instance of recorder.instanceSeriesDropped ? [] : world.liveInstances) {
    const series = lazySeries(recorder.byInstance, instance.id, n, () => ({ cpuReservation: [], memoryReservation: [], tasks: [] }));
    series.cpuReservation.push(round2(reservationPercent(instance.registered.cpuUnits, instance.remaining.cpuUnits)));
    series.memoryReservation.push(round2(reservationPercent(instance.registered.memoryMiB, instance.remaining.memoryMiB)));
    series.tasks.push(instance.taskIds.size);
  }
  recorder.instances.push(live.instances);
  recorder.cpuReservation.push(round2(reservationPercent(live.registeredCpuUnits, live.remainingCpuUnits)));
  recorder.memoryReservation.push(round2(reservationPercent(live.registeredMemoryMiB, live.remainingMemoryMiB)));
  for (const service of world.services.values()) {
    const series = lazySeries(recorder.byService, service.name, n, () => ({ desired: [], running: [], pending: [], healthy: [] }));
    series.desired.push(service.desiredCount);
    series.running.push(service.counts.running);
    series.pending.push(service.counts.pending);
    series.healthy.push(service.counts.healthy);
  }
  for (const group of world.targetGroups.values()) {
    const series = lazySeries(recorder.byTargetGroup, group.name, n, () => ({ initial: [], healthy: [], unhealthy: [], draining: [] }));
    const counts = { initial: 0, healthy: 0, unhealthy: 0, draining: 0 };
    for (const target of group.targets.values()) counts[target.state]++;
    series.initial.push(counts.initial);
    series.healthy.push(counts.healthy);
    series.unhealthy.push(counts.unhealthy);
    series.draining.push(counts.draining);
  }
  for (const provider of world.capacityProviders.values()) {
    const series = lazySeries(recorder.byCapacityProvider, provider.name, n, () => ({ desired: [], instances: [], launching: [], waiting: [], reservation: [] }));
    series.desired.push(provider.desiredCapacity);
    series.instances.push(provider.instances.length);
    series.launching.push(provider.launching.length);
    series.waiting.push(provider.waiting.length);
    series.reservation.push(round2(provider.reservation));
  }
  for (const [name, registered] of world.discovery) {
    lazySeries(recorder.byDiscoveryService, name, n, () => ({ instances: [] })).instances.push(registered.size);
  }
  for (const [group, counts] of world.groupCounts) {
    const series = lazySeries(recorder.byGroup, group, n, () => ({ running: [], pending: [] }));
    series.running.push(counts.running);
    series.pending.push(counts.pending);
  }
}

/** A series that starts late is padded with zeros for the samples before it existed. */
function lazySeries<S extends Record<string, number[]>>(map: Map<string, S>, key: string, samplesSoFar: number, make: () => S): S {
  let series = map.get(key);
  if (!series) {
    series = make();
    for (const values of Object.values(series)) for (let i = 0; i < samplesSoFar; i++) values.push(0);
    map.set(key, series);
  }
  return series;
}
