import type { TaskStatus } from '../model/task.js';

/**
 * Every event of an ECS simulation, as plain data. Past tense for what happened, `...Due` for timers.
 * Handlers for all of them live in `handlers.ts`, checked by the compiler.
 */
export type SimEvent =
  /** A workload source calls RunTask (index into spec.runTasks). */
  | { kind: 'RunTaskRequested'; source: number }
  /** A task's time in its current state is up; it moves to `to`. */
  | { kind: 'TaskTransitionDue'; taskId: string; to: TaskStatus }
  /** The task's essential container exits after its run duration; the task begins to stop. */
  | { kind: 'EssentialContainerExited'; taskId: string }
  /** The once-a-minute sample of the series in Results. */
  | { kind: 'SeriesSampleDue' }
  /** The service scheduler compares a service's tasks with what it should run, and acts. */
  | { kind: 'ServiceReconcileDue'; service: string }
  /**
   * Several services reconcile at this instant, one after another, as if each had its own
   * ServiceReconcileDue (each counts as an event fired): what an instance joining or draining asks of
   * every service. `next` is the first service not yet reconciled.
   */
  | { kind: 'ServicesReconcileDue'; services: string[]; next: number }
  /** A service task counts as healthy (after the grace rule or its health checks). */
  | { kind: 'TaskHealthDue'; taskId: string }
  /** A target's health checks have decided: healthy after its first passing check, or unhealthy after UnhealthyThresholdCount failures. */
  | { kind: 'TargetHealthDue'; taskId: string; targetGroup: string }
  /** The container health check has decided: healthy after its first passing check, or unhealthy after its retries. */
  | { kind: 'ContainerHealthDue'; taskId: string }
  /** A CI/CD pipeline run finished its current stage (index into world.pipelines). */
  | { kind: 'PipelineStageDone'; pipeline: number }
  /** An instance an Auto Scaling group launched has registered with the cluster (launch index into provider.launching). */
  | { kind: 'InstanceRegistrationDue'; provider: string; launchId: number }
  /** Once a minute: CapacityProviderReservation and cluster auto scaling's decisions. */
  | { kind: 'CapacityMetricsDue' }
  /** Once a minute: services' metrics, their alarms and Application Auto Scaling. */
  | { kind: 'ServiceMetricsDue' }
  | { kind: 'ScheduledActionDue'; service: string; action: number }
  /** A task waiting in PROVISIONING for capacity gives up. */
  | { kind: 'ProvisioningTimeoutDue'; taskId: string }
  /** A draining instance's time is up (managed draining waits at most 48 hours). */
  | { kind: 'DrainingTimeoutDue'; instanceId: string }
  /** A Fargate Spot task is interrupted. */
  | { kind: 'SpotInterruptionDue'; taskId: string }
  /** An EC2 instance fails (the hazard rate). */
  | { kind: 'InstanceFailureDue'; instanceId: string }
  /** A disconnected agent reconnects. */
  | { kind: 'AgentReconnectDue'; instanceId: string }
  /** An EC2 Spot instance gets its two-minute interruption notice. */
  | { kind: 'SpotNoticeDue'; instanceId: string }
  /** An interrupted EC2 Spot instance's two minutes are up. */
  | { kind: 'SpotTerminationDue'; instanceId: string }
  /** An AZ outage ends. */
  | { kind: 'AzOutageEnds'; availabilityZone: string }
  /** A scripted action of the scenario's timeline (index into spec.timeline). */
  | { kind: 'TimelineActionDue'; index: number };

/**
 * Same-millisecond order: tasks that stop release resources before new placements are tried, and
 * series samples see the state after everything else at that instant.
 */
export const PHASE = {
  stops: 0,
  lifecycle: 1,
  requests: 2,
  /** Metrics and the scaling decisions on them, after the instant's changes. */
  metrics: 3,
  sample: 4,
} as const;
