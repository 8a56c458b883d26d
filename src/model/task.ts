import type { ContainerInstance } from './container-instance.js';
import type { Millis } from '../engine/time.js';
import type { Claim } from './ports.js';
import type { Resources } from './resources.js';

/** ECS task lifecycle states, in lifecycle order (ECS developer guide, task lifecycle). */
export const TASK_STATUSES = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Legal transitions. A task moves forward one state at a time; a task stopped before it reaches
 * RUNNING (it failed to start, or was stopped while starting) jumps ahead to DEACTIVATING or STOPPING.
 */
export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  PROVISIONING: ['PENDING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED'],
  PENDING: ['ACTIVATING', 'DEACTIVATING', 'STOPPING'],
  ACTIVATING: ['RUNNING', 'DEACTIVATING', 'STOPPING'],
  RUNNING: ['DEACTIVATING'],
  DEACTIVATING: ['STOPPING'],
  STOPPING: ['DEPROVISIONING'],
  DEPROVISIONING: ['STOPPED'],
  STOPPED: [],
};

export function isLegalTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

/** The state after `status` on the normal path, or undefined for STOPPED. */
export function nextStatus(status: TaskStatus): TaskStatus | undefined {
  return TASK_STATUSES[TASK_STATUSES.indexOf(status) + 1];
}

/** States that count as "pending" in ECS's pendingCount: placed or being placed, not yet RUNNING. */
export function isPending(status: TaskStatus): boolean {
  return status === 'PROVISIONING' || status === 'PENDING' || status === 'ACTIVATING';
}

export type TaskStopCode = 'EssentialContainerExited' | 'TaskFailedToStart' | 'UserInitiated' | 'ServiceSchedulerInitiated' | 'SpotInterruption' | 'TerminationNotice';

/** Health as ECS counts it for deployments: UNKNOWN until checks (or the grace rule) say otherwise. */
export type TaskHealth = 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY';

export interface Task {
  /** Per-run readable id: `t-000042`. */
  id: string;
  /** Task group: `family:<family>` for standalone tasks unless RunTask names one. */
  group: string;
  /** `family:revision`. */
  taskDefinition: string;
  /** Which scenario source started it: a workload.runTasks entry's name, or `ecs-svc/...` for a service's task. */
  startedBy: string;
  /** The service and deployment that own it, for service tasks. */
  serviceName?: string;
  deploymentId?: string;
  healthStatus: TaskHealth;
  /** When it first counted as healthy. */
  healthyAt?: Millis;
  /** Health checks (target groups, container health check) that have not passed yet. */
  healthChecksPending: number;
  /** Set at launch when the task starts but fails its health checks (load balancer and container). */
  failsHealthChecks: boolean;
  /** Target groups it is registered with, and how long deregistration keeps it DEACTIVATING. */
  targetGroups: string[];
  deregistrationDelayMs: Millis;
  launchType: 'EC2' | 'FARGATE';
  /** The capacity provider it was launched with, if any. */
  capacityProvider?: string;
  /** Where it runs; undefined while it waits in PROVISIONING for capacity. */
  containerInstanceId?: string;
  /** That instance itself (the hot paths follow it rather than looking its id up). */
  instance?: ContainerInstance;
  availabilityZone?: string;
  reservation: Resources;
  /** What it holds on its instance (resources, host ports, ENI) until STOPPED; undefined while it waits. */
  claim?: Claim;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  createdAt: Millis;
  /** When it reached RUNNING. */
  startedAt?: Millis;
  /** When it entered PENDING (image pulls start: Fargate billing starts here). */
  pendingAt?: Millis;
  stoppingAt?: Millis;
  stoppedAt?: Millis;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  /** How long its essential container runs once RUNNING (Infinity: until stopped). */
  runDurationMs: Millis;
  /** IAM roles: the task definition's, or RunTask's overrides. */
  taskRoleArn?: string;
  executionRoleArn?: string;
  /** Time its image pulls kept it in PENDING, and the images they bring to the instance. */
  imagePullMs: Millis;
  pulledImages: string[];
  /** Set when the task will fail to start: the stopped reason it will carry (e.g. `CannotPullContainerError: ...`). */
  startFailure?: string;
  /** The scheduled event that moves it next (a state change or its container's exit), cancelled if it is stopped. */
  timer?: number;
  /** Time spent waiting for capacity before placement (RunTask on fixed instances fails instead of waiting). */
  waitForCapacityMs: Millis;
  /** Folded into the world's retired-task aggregates and let go (summary runs keep no STOPPED task). */
  retired: boolean;
}
