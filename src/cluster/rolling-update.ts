import { deploymentBounds, type DeploymentConfiguration } from '../model/service.js';

/** What the rolling update needs to know of one task of the service (not yet STOPPED). */
export interface ServiceTaskView {
  id: string;
  deploymentId: string;
  /** Asked to stop (desired status STOPPED) but not STOPPED yet: still counts toward maximumPercent. */
  stopping: boolean;
  /** RUNNING and counted healthy. */
  healthy: boolean;
  /** Not yet RUNNING. */
  starting: boolean;
}

export interface ReplicaDecision {
  /** New tasks of the PRIMARY deployment to start. */
  start: number;
  /** Primary tasks beyond the desired count: stop this many (victims chosen by the scale-in rules). */
  stopExcessPrimary: number;
  /** Old-deployment tasks to stop now, by id. */
  stopOld: string[];
  /** How many more healthy old tasks may stop (victims chosen by the scale-in rules). */
  stopOldHealthy: number;
  /** A deployment that can neither start nor stop a task (ECS reports it as a service event). */
  stuck: boolean;
}

/**
 * One step of the ECS rolling update for a REPLICA service (DG deployment types: ECS; service
 * definition parameters):
 * - at most floor(desired x maximumPercent / 100) tasks RUNNING, PENDING or STOPPING: start new
 *   PRIMARY tasks up to the desired count within that bound;
 * - at least ceil(desired x minimumHealthyPercent / 100) tasks healthy: stop old tasks that are not
 *   healthy freely, and healthy ones only while the healthy count stays at or above that floor;
 * - PRIMARY tasks beyond the desired count stop (scale-in).
 * A FAILED primary deployment starts nothing. Pure: the caller places and stops the tasks.
 */
export function decideReplica(
  desiredCount: number,
  config: DeploymentConfiguration,
  primaryId: string,
  primaryFailed: boolean,
  tasks: readonly ServiceTaskView[],
): ReplicaDecision {
  const { minHealthy, maxTotal } = deploymentBounds(desiredCount, config);
  const live = tasks.filter((t) => !t.stopping);
  const primaryLive = live.filter((t) => t.deploymentId === primaryId);
  const oldLive = live.filter((t) => t.deploymentId !== primaryId);
  const stopExcessPrimary = Math.max(0, primaryLive.length - desiredCount);
  const start = primaryFailed ? 0 : Math.max(0, Math.min(desiredCount - primaryLive.length, maxTotal - tasks.length));

  const stopOld = oldLive.filter((t) => !t.healthy).map((t) => t.id);
  const healthyLive = live.filter((t) => t.healthy).length;
  const oldHealthy = oldLive.filter((t) => t.healthy).length;
  const stopOldHealthy = Math.min(oldHealthy, Math.max(0, healthyLive - minHealthy));

  const inFlight = tasks.some((t) => t.stopping || t.starting);
  const stuck = oldLive.length > 0 && start === 0 && stopOld.length === 0 && stopOldHealthy === 0 && stopExcessPrimary === 0 && !inFlight && !primaryFailed;
  return { start, stopExcessPrimary, stopOld, stopOldHealthy, stuck };
}

/**
 * decideReplica for a service whose tasks are all of the PRIMARY deployment (none old, none on a
 * draining instance), from counts alone: `total` tasks not yet STOPPED, `stopping` of them asked to
 * stop. Nothing is old, so nothing old stops and the update cannot be stuck. Equal to decideReplica on
 * such tasks (a law in the tests).
 */
export function decidePrimaryOnly(desiredCount: number, config: DeploymentConfiguration, primaryFailed: boolean, total: number, stopping: number): ReplicaDecision {
  const { maxTotal } = deploymentBounds(desiredCount, config);
  const live = total - stopping;
  return {
    start: primaryFailed ? 0 : Math.max(0, Math.min(desiredCount - live, maxTotal - total)),
    stopExcessPrimary: Math.max(0, live - desiredCount),
    stopOld: [],
    stopOldHealthy: 0,
    stuck: false,
  };
}
