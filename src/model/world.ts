import { emptyTaskAggregates, type TaskAggregates } from '../results/task-aggregates.js';
import type { BilledUse } from '../cost/compute-cost.js';
import { newMetricStore, type MetricStore } from '../metrics/metric-store.js';
import type { ServiceScaling, ServiceScalingActivity } from './service-scaling.js';
import type { Distribution } from '../engine/distributions.js';
import type { Millis } from '../engine/time.js';
import type { ContainerInstance } from './container-instance.js';
import { TASK_STATUSES, type Task, type TaskStatus } from './task.js';
import type { CapacityProvider } from './capacity-provider.js';
import type { TargetGroup } from './load-balancing.js';
import type { Deployment, Service } from './service.js';
import type { TaskDefinition } from './task-definition.js';

/** A line of the service event log, in ECS's words: `(service web) has reached a steady state.` */
export interface ServiceEvent {
  at: Millis;
  service: string;
  message: string;
  /** For counted events that grow while they happen at the same instant: what is counted, and how many. */
  key?: string;
  count?: number;
}

/** One run of a CI/CD pipeline: when each stage finished, what it registered and deployed. */
export interface PipelineRun {
  id: string;
  service: string;
  image: string;
  /** The container whose image changes (default: the first essential one). */
  container?: string;
  /** How long each stage takes. */
  stages: { source: Distribution; build: Distribution; push: Distribution };
  startedAt: Millis;
  sourceDoneAt?: Millis;
  buildDoneAt?: Millis;
  pushDoneAt?: Millis;
  taskDefinition?: string;
  deploymentId?: string;
}

/** Why a RunTask call could not place a task, as RunTask's `failures[]` reports it. */
export interface RunTaskFailure {
  at: Millis;
  /** The workload source that called RunTask. */
  source: string;
  taskDefinition: string;
  group: string;
  /** `RESOURCE:CPU`, `RESOURCE:MEMORY`, `RESOURCE:PORTS`, `RESOURCE:ENI`, `AGENT`, a constraint's, or ECS's message when the cluster has no instances. */
  reason: string;
  /** The closest matching container instance, when there is one. */
  containerInstanceId?: string;
  /** ECS's sentence: `The closest matching container-instance i-0001 has insufficient memory available.` */
  message: string;
}

/** The whole mutable state of one simulated cluster. Handlers change it; pure functions read it. */
export interface World {
  clusterName: string;
  region: string;
  availabilityZones: string[];
  /** In id order; the order every scan and tie-break uses. */
  instances: ContainerInstance[];
  instancesById: Map<string, ContainerInstance>;
  /** The services of `services`, in the same order, as a list (walked for every instance that joins). */
  serviceList: Service[];
  /** The instances not terminated, in id order (what the once-a-minute metrics and series sum over). */
  liveInstances: Set<ContainerInstance>;
  taskDefinitions: Map<string, TaskDefinition>;
  /** Every task ever created, in creation order. */
  tasks: Task[];
  tasksById: Map<string, Task>;
  /** How many tasks are in each lifecycle state right now. */
  statusCounts: Record<TaskStatus, number>;
  /** Tasks launched so far (task ids count them). */
  tasksLaunched: number;
  /**
   * STOPPED tasks a summary run let go of: what Results need of them (aggregates, Fargate billing, in
   * launch order by `index`), and how many left the task list.
   */
  retiredTasks: { aggregates: TaskAggregates; fargateUses: { index: number; use: BilledUse }[]; removed: number };
  /** CPU units and memory reserved by RUNNING tasks on container instances (for cluster utilization). */
  runningOnInstances: { tasks: number; cpuUnits: number; memoryMiB: number };
  /** Tasks not yet RUNNING (PROVISIONING, PENDING, ACTIVATING) and RUNNING, per task group. */
  groupCounts: Map<string, { pending: number; running: number }>;
  runTaskFailures: RunTaskFailure[];
  services: Map<string, Service>;
  capacityProviders: Map<string, CapacityProvider>;
  /** The Fargate launch-rate token buckets, per provider: tokens left (negative: launches queued) as of `at`. */
  fargateTokens: Map<string, { tokens: number; at: Millis }>;
  /** Fargate tasks (not yet STOPPED) per task group per AZ, for spreading them. */
  fargateZoneCounts: Map<string, Map<string, number>>;
  targetGroups: Map<string, TargetGroup>;
  /** Cloud Map services (`namespace/service`) and the tasks registered in each. */
  discovery: Map<string, Set<string>>;
  /** Every deployment ever created, in creation order (services keep only their live ones). */
  deployments: Deployment[];
  serviceEvents: ServiceEvent[];
  pipelines: PipelineRun[];
  /** Faults that struck: instance failures, agent disconnects, AZ outages. */
  faults: { at: Millis; kind: string; target: string; tasksStopped: number }[];
  /** Per service with load or auto scaling: its per-minute metrics and scaling state. */
  serviceScaling: Map<string, ServiceScaling>;
  /** The CloudWatch-like store of the metrics alarms and scaling policies watch. */
  metrics: MetricStore;
  /** Per minute: cluster CPU and memory utilization (EC2; null without a RUNNING task), when metrics are kept. */
  clusterMinutes: { cpuUtilization: number | null; memoryUtilization: number | null }[];
  /** Per load balancer that gets requests, per minute: requests, and those that failed for want of a healthy target. */
  loadBalancerMinutes: Map<string, { requests: number; failed: number }[]>;
  serviceScalingActivities: ServiceScalingActivity[];
  /** AZs out of service now (nothing launches there). */
  unavailableZones: Set<string>;
  /** Each change of an Auto Scaling group's desired capacity by cluster auto scaling. */
  scalingActivities: { at: Millis; capacityProvider: string; from: number; to: number; reservation: number }[];
  /** Each service's last event message (for suppressing repeats). */
  lastServiceEvent: Map<string, { message: string; at: Millis }>;
  /** Highest counts seen at any instant (not just at sample times). */
  peaks: { runningTasks: number; pendingTasks: number };
  tasksRequested: number;
}

export function emptyWorld(clusterName: string, region: string, availabilityZones: string[]): World {
  return {
    clusterName,
    region,
    availabilityZones,
    instances: [],
    instancesById: new Map(),
    liveInstances: new Set(),
    serviceList: [],
    taskDefinitions: new Map(),
    tasks: [],
    tasksById: new Map(),
    statusCounts: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>,
    runningOnInstances: { tasks: 0, cpuUnits: 0, memoryMiB: 0 },
    tasksLaunched: 0,
    retiredTasks: { aggregates: emptyTaskAggregates(), fargateUses: [], removed: 0 },
    groupCounts: new Map(),
    runTaskFailures: [],
    services: new Map(),
    capacityProviders: new Map(),
    fargateZoneCounts: new Map(),
    fargateTokens: new Map(),
    targetGroups: new Map(),
    discovery: new Map(),
    deployments: [],
    serviceEvents: [],
    pipelines: [],
    scalingActivities: [],
    faults: [],
    serviceScaling: new Map(),
    metrics: newMetricStore(1),
    clusterMinutes: [],
    loadBalancerMinutes: new Map(),
    serviceScalingActivities: [],
    unavailableZones: new Set(),
    lastServiceEvent: new Map(),
    peaks: { runningTasks: 0, pendingTasks: 0 },
    tasksRequested: 0,
  };
}

export function pendingTaskCount(world: World): number {
  return world.statusCounts.PROVISIONING + world.statusCounts.PENDING + world.statusCounts.ACTIVATING;
}

/**
 * Readable per-run ids, zero-padded: `i-0001`, `t-000042`. As strings they sort in creation order up
 * to 9,999 instances and 999,999 tasks; code that orders tasks by id uses compareTaskIds.
 */
export function instanceId(n: number): string {
  return `i-${String(n).padStart(4, '0')}`;
}

export function taskId(n: number): string {
  return `t-${String(n).padStart(6, '0')}`;
}

/**
 * Orders task ids by launch, as their numbers: `t-999999` before `t-1000000`, which a plain string
 * comparison gets the wrong way round once a run has launched a million tasks.
 */
export function compareTaskIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
