import type { Millis } from '../engine/time.js';
import type { ServiceTaskCounts } from './service-task-counts.js';

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** One deployment of a service: the tasks of one task definition revision (DescribeServices deployments[]). */
export interface Deployment {
  /** `ecs-svc/0001`, per run. */
  id: string;
  serviceName: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  createdAt: Millis;
  updatedAt: Millis;
  /** Tasks of this deployment that failed (circuit breaker count). */
  failedTasks: number;
  /** Whether any task of this deployment has reached RUNNING (the circuit breaker's second stage). */
  anyRunning: boolean;
  /** The deployment this one rolls back from, if it is a rollback. */
  rollbackOf?: string;
}

export interface DeploymentConfiguration {
  minimumHealthyPercent: number;
  maximumPercent: number;
  circuitBreaker: { enable: boolean; rollback: boolean };
}

/** A service as the scheduler keeps it. */
export interface Service {
  name: string;
  /** `service:<name>`: the task group of its tasks. */
  group: string;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  desiredCount: number;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  deploymentConfiguration: DeploymentConfiguration;
  healthCheckGracePeriodMs: Millis;
  /** Newest first: deployments[0] is the PRIMARY one. */
  deployments: Deployment[];
  /** Tasks of the service not yet STOPPED. */
  taskIds: Set<string>;
  /** Those tasks counted by status and health (kept by the task lifecycle). */
  counts: ServiceTaskCounts;
  /** Those tasks per deployment id, and how many are on a DRAINING instance. */
  tasksByDeployment: Map<string, number>;
  tasksOnDrainingInstances: number;
  /** Counts every change to its tasks (status, health, desired status, joining, leaving, draining). */
  version: number;
  /** The state (version, desired count, primary deployment) of the last look that found nothing to do, while nothing has changed. */
  idleState?: { version: number; desiredCount: number; primary: Deployment; rolloutState: RolloutState; deployments: number };
  /** "(service name) has reached a steady state.", said often, built once. */
  steadyStateMessage: string;
  /** Consecutive tasks that stopped before reaching RUNNING (the throttle's count). */
  consecutiveStartFailures: number;
  /** No task is launched before this time (throttle back-off). */
  launchNotBefore: Millis;
  /** The pending reconcile, if one is scheduled: when, and its event handle. */
  reconcile?: { at: Millis; handle: number };
}

/**
 * The rolling update's bounds (DG deployment types, ECS): at least ceil(desired x min% / 100) tasks
 * healthy, at most floor(desired x max% / 100) tasks RUNNING, PENDING or STOPPING.
 */
export function deploymentBounds(desiredCount: number, config: DeploymentConfiguration): { minHealthy: number; maxTotal: number } {
  return {
    minHealthy: Math.ceil((desiredCount * config.minimumHealthyPercent) / 100),
    maxTotal: Math.floor((desiredCount * config.maximumPercent) / 100),
  };
}

/**
 * The deployment circuit breaker's failure threshold (API ServiceDeploymentCircuitBreaker):
 * 0.5 x desired count, rounded up, at least `minimum` (3 today; 10 in 2023's docs) and at most 200.
 */
export function circuitBreakerThreshold(desiredCount: number, minimum = 3): number {
  return Math.min(200, Math.max(minimum, Math.ceil(desiredCount * 0.5)));
}

export function deploymentId(n: number): string {
  return `ecs-svc/${String(n).padStart(4, '0')}`;
}
