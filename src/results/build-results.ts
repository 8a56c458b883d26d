import type { Task } from '../model/task.js';
import type { World } from '../model/world.js';
import { computeCost, costRate, fargateUsdPerHour, instanceUsdPerHour, type BilledUse } from '../cost/compute-cost.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import { clusterUtilization, loadBalancerSeries, scalingPolicies, serviceMetrics } from './metrics-results.js';
import { VERSION } from '../version.js';
import { mean, percentile } from './percentile.js';
import type { DeploymentRecord, InstanceRecord, Results, Series, ServiceRecord, TargetGroupRecord, TaskRecord } from './results.js';
import type { SeriesRecorder } from './series-recorder.js';
import { taskAggregates } from './task-aggregates.js';

/** Whether Results hold a record per task (`full`) or only the counts and figures built from them (`summary`). */
export type TaskRecords = 'full' | 'summary';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Turns the final world and the recorded series into Results. Pure: same inputs, same JSON. */
export function buildResults(spec: ScenarioSpec, seed: number, durationMs: number, world: World, recorder: SeriesRecorder, eventsFired: number, taskRecords: TaskRecords = 'full'): Results {
  const tasks = taskRecords === 'full' ? world.tasks.map(taskRecord) : [];
  const counted = taskAggregates(world);
  const instances = world.instances.map((i): InstanceRecord => ({
    id: i.id,
    instanceType: i.instanceType,
    availabilityZone: i.availabilityZone,
    purchaseOption: i.purchaseOption,
    capacityProvider: i.capacityProvider ?? null,
    attributes: i.attributes,
    registeredCpuUnits: i.registered.cpuUnits,
    registeredMemoryMiB: i.registered.memoryMiB,
    agentVersion: i.agentVersion,
    agentConnected: i.agentConnected,
    status: i.status,
    eniLimit: i.eniLimit,
    launchedAt: i.launchedAt,
    registeredAt: i.registeredAt,
    terminatedAt: i.terminatedAt ?? null,
    tasksPlaced: counted.placedPerInstance.get(i.id) ?? 0,
  }));
  const failuresByReason: Record<string, number> = {};
  for (const f of world.runTaskFailures) failuresByReason[f.reason] = (failuresByReason[f.reason] ?? 0) + 1;
  const { waits } = counted;
  const uses = billedUses(spec, world, durationMs);
  const cost = computeCost(uses);
  const series = {
    ...toSeries(recorder),
    ...clusterUtilization(world, recorder.t),
    byLoadBalancer: loadBalancerSeries(world, recorder.t),
    costPerHour: costRate(uses, recorder.t),
    serviceMetrics: serviceMetrics(world, recorder.t),
  };
  return {
    ecsimVersion: VERSION,
    scenario: {
      name: spec.name,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      seed,
      durationMs,
      region: spec.region,
      clusterName: spec.cluster.clusterName,
      availabilityZones: spec.cluster.availabilityZones,
    },
    summary: {
      eventsFired,
      tasksRequested: world.tasksRequested,
      tasksPlaced: world.tasksLaunched,
      tasksStarted: counted.started,
      tasksStopped: world.statusCounts.STOPPED,
      runTaskFailures: world.runTaskFailures.length,
      failuresByReason,
      peakRunningTasks: world.peaks.runningTasks,
      peakPendingTasks: world.peaks.pendingTasks,
      peakInstances: Math.max(0, ...series.instances),
      cpuReservation: { mean: round2(mean(series.cpuReservation)), max: Math.max(0, ...series.cpuReservation) },
      memoryReservation: { mean: round2(mean(series.memoryReservation)), max: Math.max(0, ...series.memoryReservation) },
      waitForCapacityMs: { p50: percentile(waits, 50), p95: percentile(waits, 95), max: waits.at(-1) ?? 0 },
      totalCostUsd: cost.totalUsd,
      tasksLost: counted.lost,
    },
    cost,
    taskRecords,
    tasks,
    instances,
    runTaskFailures: world.runTaskFailures.map((f) => ({ ...f, containerInstanceId: f.containerInstanceId ?? null })),
    services: [...world.services.values()].map((service): ServiceRecord => {
      const own = counted.perService.get(service.name) ?? { running: 0, started: 0, failedToStart: 0 };
      return {
        serviceName: service.name,
        schedulingStrategy: service.schedulingStrategy,
        desiredCount: service.desiredCount,
        runningCount: own.running,
        taskDefinition: service.deployments[0].taskDefinition,
        tasksStarted: own.started,
        tasksFailedToStart: own.failedToStart,
      };
    }),
    deployments: world.deployments.map((d): DeploymentRecord => ({
      id: d.id,
      serviceName: d.serviceName,
      taskDefinition: d.taskDefinition,
      status: d.status,
      rolloutState: d.rolloutState,
      rolloutStateReason: d.rolloutStateReason,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      failedTasks: d.failedTasks,
      rollbackOf: d.rollbackOf ?? null,
    })),
    scalingActivities: world.scalingActivities,
    faults: world.faults.map((f) => ({ ...f, recoveredAt: recoveredAt(series, f.at) })),
    serviceScalingActivities: world.serviceScalingActivities,
    serviceScalingPolicies: scalingPolicies(spec),
    pipelines: world.pipelines.map((p) => ({
      id: p.id,
      service: p.service,
      image: p.image,
      startedAt: p.startedAt,
      sourceDoneAt: p.sourceDoneAt ?? null,
      buildDoneAt: p.buildDoneAt ?? null,
      pushDoneAt: p.pushDoneAt ?? null,
      taskDefinition: p.taskDefinition ?? null,
      deploymentId: p.deploymentId ?? null,
    })),
    targetGroups: [...world.targetGroups.values()].map((g): TargetGroupRecord => ({
      name: g.name,
      arn: g.arn,
      kind: g.kind,
      targetType: g.targetType,
      healthCheck: { intervalMs: g.healthCheck.intervalMs, timeoutMs: g.healthCheck.timeoutMs, healthyThreshold: g.healthCheck.healthyThreshold, unhealthyThreshold: g.healthCheck.unhealthyThreshold },
      deregistrationDelayMs: g.deregistrationDelayMs,
    })),
    loadBalancers: spec.loadBalancers,
    serviceEvents: world.serviceEvents.map(({ at, service, message }) => ({ at, service, message })),
    series,
    notes: recorder.instanceSeriesDropped
      ? [...spec.notes, { path: 'series.byInstance', message: `left out: the run registered more than ${recorder.instanceSeriesLimit} container instances (simulation.results.instanceSeriesLimit)` }]
      : spec.notes,
  };
}

function taskRecord(t: World['tasks'][number]): TaskRecord {
  return {
    id: t.id,
    group: t.group,
    taskDefinition: t.taskDefinition,
    startedBy: t.startedBy,
    serviceName: t.serviceName ?? null,
    deploymentId: t.deploymentId ?? null,
    launchType: t.launchType,
    capacityProvider: t.capacityProvider ?? null,
    containerInstanceId: t.containerInstanceId ?? null,
    availabilityZone: t.availabilityZone ?? null,
    cpuUnits: t.reservation.cpuUnits,
    memoryMiB: t.reservation.memoryMiB,
    networkBindings: t.claim?.bindings ?? [],
    eni: t.launchType === 'FARGATE' || (t.claim?.eni ?? false),
    imagePullMs: t.imagePullMs,
    taskRoleArn: t.taskRoleArn ?? null,
    executionRoleArn: t.executionRoleArn ?? null,
    lastStatus: t.lastStatus,
    createdAt: t.createdAt,
    startedAt: t.startedAt ?? null,
    stoppingAt: t.stoppingAt ?? null,
    stoppedAt: t.stoppedAt ?? null,
    stopCode: t.stopCode ?? null,
    stoppedReason: t.stoppedReason ?? null,
    waitForCapacityMs: t.waitForCapacityMs,
  };
}

function toSeries(r: SeriesRecorder): Omit<Series, 'costPerHour' | 'serviceMetrics' | 'cpuUtilization' | 'memoryUtilization' | 'byLoadBalancer'> {
  return {
    periodMs: r.periodMs,
    t: r.t,
    runningTasks: r.runningTasks,
    pendingTasks: r.pendingTasks,
    instances: r.instances,
    cpuReservation: r.cpuReservation,
    memoryReservation: r.memoryReservation,
    byGroup: Object.fromEntries([...r.byGroup].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    byInstance: Object.fromEntries(r.byInstance),
    byService: Object.fromEntries(r.byService),
    byTargetGroup: Object.fromEntries(r.byTargetGroup),
    byDiscoveryService: Object.fromEntries(r.byDiscoveryService),
    byCapacityProvider: Object.fromEntries(r.byCapacityProvider),
  };
}


/** Every billed span: EC2 instances from launch to termination, Fargate tasks from PENDING to STOPPED. */
function billedUses(spec: ScenarioSpec, world: World, endMs: number): BilledUse[] {
  const knobs = spec.capacityKnobs;
  const uses: BilledUse[] = world.instances.map((i) => ({
    fromMs: i.launchedAt,
    toMs: i.terminatedAt ?? endMs,
    endedMs: i.terminatedAt ?? Infinity,
    usdPerHour: instanceUsdPerHour(i.instanceType, i.purchaseOption, knobs.ec2SpotDiscount, spec.prices),
    capacityProvider: i.capacityProvider ?? 'EC2',
    service: null,
    purchaseOption: i.purchaseOption,
  }));
  // Fargate tasks in launch order, those retired along the way (summary runs) among those still held.
  const fargate = [...world.retiredTasks.fargateUses];
  for (const t of world.tasks) {
    const use = t.retired ? undefined : fargateUse(spec, world, t, endMs);
    if (use) fargate.push({ index: taskNumber(t.id), use });
  }
  fargate.sort((a, b) => a.index - b.index);
  for (const f of fargate) uses.push(f.use);
  return uses;
}

/** A Fargate task's billed span, from PENDING to STOPPED (or the end of the run); none if it never reached PENDING. */
export function fargateUse(spec: ScenarioSpec, world: World, t: Task, endMs: number): BilledUse | undefined {
  if (t.launchType !== 'FARGATE' || t.pendingAt === undefined) return undefined;
  const spot = t.capacityProvider === 'FARGATE_SPOT';
  const td = world.taskDefinitions.get(t.taskDefinition)!;
  return {
    fromMs: t.pendingAt,
    toMs: t.stoppedAt ?? endMs,
    endedMs: t.stoppedAt ?? Infinity,
    usdPerHour: fargateUsdPerHour(t.reservation.cpuUnits, t.reservation.memoryMiB, td.cpuArchitecture, spot, spec.capacityKnobs.fargateSpotDiscount, td.ephemeralStorageGiB, spec.prices),
    capacityProvider: t.capacityProvider ?? 'FARGATE',
    service: t.serviceName ?? null,
    purchaseOption: spot ? 'spot' : 'on-demand',
  };
}

/** The launch number in a task id (`t-000042` -> 42). */
export const taskNumber = (id: string) => Number(id.slice(2));

/** The first sample at or after `from` at which every service runs its desired count (null when none does). */
function recoveredAt(series: Pick<Series, 't' | 'byService'>, from: number): number | null {
  const services = Object.values(series.byService);
  if (services.length === 0) return null;
  for (let i = 0; i < series.t.length; i++) {
    if (series.t[i] <= from) continue;
    if (services.every((s) => s.running[i] >= s.desired[i])) return series.t[i];
  }
  return null;
}
