/**
 * Results: the contract between the simulator and everything that reads its output (the report,
 * `ecsim compare`, users' scripts). Plain JSON; times in milliseconds of simulated time.
 */
import type { TaskStatus, TaskStopCode } from '../model/task.js';

export interface Results {
  ecsimVersion: string;
  scenario: { name: string; description?: string; seed: number; durationMs: number; region: string; clusterName: string; availabilityZones: string[] };
  summary: Summary;
  /** `full`: `tasks` has a record per task; `summary`: `tasks` is empty (`--tasks summary`), the figures are still counted from every task. */
  taskRecords: 'full' | 'summary';
  tasks: TaskRecord[];
  instances: InstanceRecord[];
  runTaskFailures: RunTaskFailureRecord[];
  services: ServiceRecord[];
  /** Every deployment of every service, in creation order. */
  deployments: DeploymentRecord[];
  /** Faults that struck, and when every service was back at its desired count of RUNNING tasks (null: not within the run). */
  faults: { at: number; kind: string; target: string; tasksStopped: number; recoveredAt: number | null }[];
  /** Application Auto Scaling's changes of services' desired counts, and when the cooldown each started ends (null: none). */
  serviceScalingActivities: { at: number; service: string; from: number; to: number; cause: string; cooldownEndsAt: number | null }[];
  /** Every scaling policy of every scalable target: the metric it watches, its target or threshold, its alarms and cooldowns. */
  serviceScalingPolicies: ServiceScalingPolicyRecord[];
  /** Cluster auto scaling's changes of each Auto Scaling group's desired capacity. */
  scalingActivities: { at: number; capacityProvider: string; from: number; to: number; reservation: number }[];
  /** CI/CD pipeline runs: stage completion times, the revision registered and the deployment started. */
  pipelines: { id: string; service: string; image: string; startedAt: number; sourceDoneAt: number | null; buildDoneAt: number | null; pushDoneAt: number | null; taskDefinition: string | null; deploymentId: string | null }[];
  targetGroups: TargetGroupRecord[];
  loadBalancers: { name: string; type: 'application' | 'network' | 'classic'; listeners: { protocol: string; port: number; defaultTargetGroup: string; rules: { priority: number; conditions: { field: string; values: string[] }[]; targetGroup: string }[] }[] }[];
  /** The service event log, in ECS's words, in time order. */
  serviceEvents: { at: number; service: string; message: string }[];
  series: Series;
  /** What the run cost, USD: EC2 instances (by capacity provider, or "EC2" for registered instances) and Fargate tasks. */
  cost: { totalUsd: number; byCapacityProvider: Record<string, number>; byService: Record<string, number>; byPurchaseOption: Record<string, number> };
  /** Fields of the scenario that were accepted but are not simulated. */
  notes: { path: string; message: string }[];
}

export interface Summary {
  eventsFired: number;
  tasksRequested: number;
  tasksPlaced: number;
  tasksStarted: number;
  tasksStopped: number;
  runTaskFailures: number;
  failuresByReason: Record<string, number>;
  peakRunningTasks: number;
  peakPendingTasks: number;
  peakInstances: number;
  /** Cluster CPUReservation / MemoryReservation over the per-minute samples, percent. */
  cpuReservation: { mean: number; max: number };
  memoryReservation: { mean: number; max: number };
  /** Time placed tasks waited for capacity, ms. */
  waitForCapacityMs: { p50: number; p95: number; max: number };
  totalCostUsd: number;
  /** Tasks stopped by Spot interruptions and by their host going away (instance failures, outages, Spot). */
  tasksLost: number;
}

export interface ServiceScalingPolicyRecord {
  service: string;
  policyName: string;
  policyType: 'TargetTrackingScaling' | 'StepScaling';
  metric: { namespace: string; metricName: string; dimensions: Record<string, string>; statistic: string; periodSeconds: number };
  /** Target tracking: the target value; step scaling: null. */
  targetValue: number | null;
  /** Step scaling: the alarm's threshold and comparison; target tracking: null. */
  threshold: number | null;
  comparisonOperator: string | null;
  alarms: string[];
  scaleOutCooldownMs: number;
  scaleInCooldownMs: number;
}

export interface TargetGroupRecord {
  name: string;
  arn: string;
  kind: 'application' | 'network' | 'classic';
  targetType: 'instance' | 'ip';
  healthCheck: { intervalMs: number; timeoutMs: number; healthyThreshold: number; unhealthyThreshold: number };
  deregistrationDelayMs: number;
}

export interface ServiceRecord {
  serviceName: string;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  /** At the end of the run. */
  desiredCount: number;
  runningCount: number;
  taskDefinition: string;
  tasksStarted: number;
  /** Tasks that stopped before reaching RUNNING. */
  tasksFailedToStart: number;
}

export interface DeploymentRecord {
  id: string;
  serviceName: string;
  taskDefinition: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  createdAt: number;
  updatedAt: number;
  failedTasks: number;
  rollbackOf: string | null;
}

export interface TaskRecord {
  id: string;
  group: string;
  taskDefinition: string;
  startedBy: string;
  serviceName: string | null;
  deploymentId: string | null;
  launchType: 'EC2' | 'FARGATE';
  /** The capacity provider it was launched with, or null for the EC2 launch type. */
  capacityProvider: string | null;
  /** Null when it never got capacity (stopped while waiting in PROVISIONING). */
  containerInstanceId: string | null;
  availabilityZone: string | null;
  cpuUnits: number;
  memoryMiB: number;
  /** Host ports bound on the instance, like DescribeTasks' networkBindings. */
  networkBindings: { containerName: string; containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
  /** Whether it took an ENI of the instance (awsvpc). */
  eni: boolean;
  /** Time its image pulls kept it in PENDING. */
  imagePullMs: number;
  taskRoleArn: string | null;
  executionRoleArn: string | null;
  lastStatus: TaskStatus;
  createdAt: number;
  startedAt: number | null;
  stoppingAt: number | null;
  stoppedAt: number | null;
  stopCode: TaskStopCode | null;
  stoppedReason: string | null;
  waitForCapacityMs: number;
}

export interface InstanceRecord {
  id: string;
  instanceType: string;
  availabilityZone: string;
  purchaseOption: 'on-demand' | 'spot';
  capacityProvider: string | null;
  attributes: Record<string, string>;
  registeredCpuUnits: number;
  registeredMemoryMiB: number;
  agentVersion: string;
  agentConnected: boolean;
  status: 'ACTIVE' | 'DRAINING';
  /** awsvpc tasks it can host. */
  eniLimit: number;
  launchedAt: number;
  registeredAt: number;
  terminatedAt: number | null;
  tasksPlaced: number;
}

export interface RunTaskFailureRecord {
  at: number;
  source: string;
  taskDefinition: string;
  group: string;
  reason: string;
  containerInstanceId: string | null;
  message: string;
}

/** Per-minute samples at the times in `t`; every array has one value per time. */
export interface Series {
  periodMs: number;
  t: number[];
  runningTasks: number[];
  pendingTasks: number[];
  instances: number[];
  cpuReservation: number[];
  memoryReservation: number[];
  /**
   * Cluster CPUUtilization / MemoryUtilization (%, EC2 instances), the minute that ended at each sample
   * time; null where there is no datapoint (no task running on an instance, or no metrics kept: only
   * scenarios with service load, load balancer requests or auto scaling keep them).
   */
  cpuUtilization: (number | null)[];
  memoryUtilization: (number | null)[];
  /** Per load balancer that gets requests: requests per second it received, and per second that found no healthy target (HTTP 503). */
  byLoadBalancer: Record<string, { requestRate: (number | null)[]; failedRate: (number | null)[] }>;
  byGroup: Record<string, { running: number[]; pending: number[] }>;
  /** Per instance: reservation percentages and the number of tasks on it (placed, not yet STOPPED). */
  byInstance: Record<string, { cpuReservation: number[]; memoryReservation: number[]; tasks: number[] }>;
  /** USD per hour being spent at each sample time. */
  costPerHour: number[];
  /** Per capacity provider: desired capacity, registered instances, launching instances, tasks waiting in PROVISIONING, CapacityProviderReservation. */
  byCapacityProvider: Record<string, { desired: number[]; instances: number[]; launching: number[]; waiting: number[]; reservation: number[] }>;
  /** Per Cloud Map service (`namespace/service`): healthy instances registered. */
  byDiscoveryService: Record<string, { instances: number[] }>;
  /** Per target group: targets in each health state. */
  byTargetGroup: Record<string, { initial: number[]; healthy: number[]; unhealthy: number[]; draining: number[] }>;
  /** Per service: desired, RUNNING, not yet RUNNING, and RUNNING-and-healthy task counts. */
  byService: Record<string, { desired: number[]; running: number[]; pending: number[]; healthy: number[] }>;
  /**
   * Per service with load or auto scaling, at each sample time the datapoint of the minute that ended
   * then (null: no datapoint): offered requests per second, CPUUtilization and MemoryUtilization (%),
   * ALB RequestCountPerTarget, requests per second the running tasks could not serve, and the mean
   * response time (a queueing approximation, see docs/fidelity.md); and each scaling alarm's state.
   */
  serviceMetrics: Record<string, { requestRate: (number | null)[]; cpuUtilization: (number | null)[]; memoryUtilization: (number | null)[]; requestCountPerTarget: (number | null)[]; requestsOverCapacity: (number | null)[]; latencyMs: (number | null)[]; alarms: Record<string, (AlarmStateName | null)[]> }>;
}

export type AlarmStateName = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
