import { countServiceTask, emptyServiceTaskCounts } from '../model/service-task-counts.js';
import { isSettled, isSteady, primaryOnly, serviceTasks, view } from './service-steadiness.js';
import { sample } from '../engine/distributions.js';
import type { ContainerInstance } from '../model/container-instance.js';
import { circuitBreakerThreshold, deploymentId, type Deployment, type Service } from '../model/service.js';
import type { Task, TaskStatus } from '../model/task.js';
import { placeTask } from '../placement/place-task.js';
import type { PlacementRequest } from '../placement/placement-request.js';
import { chooseFargateScaleInVictims, chooseScaleInVictims } from '../placement/scale-in.js';
import type { ServiceSpec } from '../scenario/scenario-spec.js';
import { daemonActions } from './daemon.js';
import { logDeploymentStateChange } from './event-log.js';
import { deregisterTargets, registerTargets, removeTargets } from './load-balancing.js';
import { taskRunning } from './task-health.js';
import { provisioningQuotaReached, waitForCapacity } from './capacity.js';
import { countNext } from './run-task.js';
import { fargateHasCapacity, launchOnFargate } from './fargate.js';
import { isFargateProvider } from '../scenario/resolve-capacity.js';
import { behaviorOf } from './task-behavior.js';
import { requestReconcile } from './reconcile-requests.js';
import { decidePrimaryOnly, decideReplica, type ReplicaDecision } from './rolling-update.js';
import { say, serviceEvent } from './service-events.js';
import type { Simulation } from './simulation.js';
import { launchTask, stopTask } from './task-lifecycle.js';

/** Creates the scenario's services at time 0, each with its first deployment, and asks each to reconcile. */
export function createServices(sim: Simulation): void {
  for (const spec of sim.spec.services) {
    const service: Service = {
      name: spec.name,
      group: `service:${spec.name}`,
      schedulingStrategy: spec.schedulingStrategy,
      desiredCount: spec.desiredCount,
      status: 'ACTIVE',
      deploymentConfiguration: spec.deploymentConfiguration,
      healthCheckGracePeriodMs: spec.healthCheckGracePeriodMs,
      deployments: [],
      taskIds: new Set(),
      counts: emptyServiceTaskCounts(),
      tasksByDeployment: new Map(),
      tasksOnDrainingInstances: 0,
      version: 0,
      idleState: undefined,
      steadyStateMessage: say.steadyState(spec.name),
      consecutiveStartFailures: 0,
      launchNotBefore: 0,
    };
    sim.world.services.set(service.name, service);
    sim.world.serviceList.push(service);
    startDeployment(sim, service, spec.taskDefinition);
  }
}

/** A new PRIMARY deployment of `taskDefinition`; the previous primary becomes ACTIVE (DG deployment types). */
export function startDeployment(sim: Simulation, service: Service, taskDefinition: string, rollbackOf?: string): Deployment {
  const { world, engine } = sim;
  for (const d of service.deployments) d.status = 'ACTIVE';
  const deployment: Deployment = {
    id: deploymentId(world.deployments.length + 1),
    serviceName: service.name,
    status: 'PRIMARY',
    taskDefinition,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: rollbackOf ? `ECS deployment ${rollbackOf} failed: rolling back` : 'ECS deployment in progress.',
    createdAt: engine.now,
    updatedAt: engine.now,
    failedTasks: 0,
    anyRunning: false,
    rollbackOf,
  };
  world.deployments.push(deployment);
  service.deployments.unshift(deployment);
  logDeploymentStateChange(sim, service, deployment);
  // Updating the service resets the throttle (DG service throttle logic).
  service.consecutiveStartFailures = 0;
  service.launchNotBefore = engine.now;
  requestReconcile(sim, service);
  return deployment;
}

/** The service scheduler's loop: compare the service's tasks with what it should run, start and stop tasks. */
export function reconcileService(sim: Simulation, service: Service): void {
  service.reconcile = undefined;
  if (service.status !== 'ACTIVE') return;
  if (service.schedulingStrategy === 'DAEMON') return reconcileDaemon(sim, service);
  // A service at its desired count of healthy PRIMARY tasks, none on a draining instance, has nothing to
  // start or stop (decideReplica decides nothing for it): only its steady state to note. Instances
  // registering make every service look again, so this is most reconciles of a large cluster.
  if (isSteady(sim, service)) return noteProgress(sim, service, true);
  const primary = service.deployments[0];
  // Nothing the decision reads has changed since a look that did nothing: it would do nothing again.
  if (isIdle(service)) return;
  const failed = primary.rolloutState === 'FAILED';
  let stops: string[];
  let decision: ReplicaDecision;
  if (primaryOnly(service)) {
    // Every task is the primary's and none is on a draining instance: counts decide, and only a
    // scale-in needs the tasks themselves.
    decision = decidePrimaryOnly(service.desiredCount, service.deploymentConfiguration, failed, service.taskIds.size, service.counts.stopping);
    stops = decision.stopExcessPrimary > 0 ? pickVictims(sim, service, serviceTasks(sim, service), decision.stopExcessPrimary) : [];
  } else {
    const tasks = serviceTasks(sim, service);
    const views = tasks.map((t) => view(sim, t));
    decision = decideReplica(service.desiredCount, service.deploymentConfiguration, primary.id, failed, views);
    stops = [
      ...decision.stopOld,
      ...pickVictims(sim, service, tasks.filter((_, i) => views[i].deploymentId === primary.id), decision.stopExcessPrimary),
      ...pickVictims(sim, service, tasks.filter((t, i) => views[i].deploymentId !== primary.id && t.healthStatus === 'HEALTHY' && t.desiredStatus === 'RUNNING'), decision.stopOldHealthy),
    ];
  }
  stopServiceTasks(sim, service, stops, primary);
  if (decision.start > 0) startServiceTasks(sim, service, primary, decision.start);
  if (decision.stuck) serviceEvent(sim, service.name, say.deploymentStuck(service.name));
  const settled = isSettled(sim, service);
  noteProgress(sim, service, settled);
  service.idleState = stops.length === 0 && decision.start === 0 && !decision.stuck && !settled ? idleState(service) : undefined;
}

/** What the scheduler's decision reads of a service besides its tasks' views. */
function idleState(service: Service): NonNullable<Service['idleState']> {
  const primary = service.deployments[0];
  return { version: service.version, desiredCount: service.desiredCount, primary, rolloutState: primary.rolloutState, deployments: service.deployments.length };
}

function isIdle(service: Service): boolean {
  const idle = service.idleState;
  if (idle === undefined) return false;
  const primary = service.deployments[0];
  return (
    idle.version === service.version &&
    idle.desiredCount === service.desiredCount &&
    idle.primary === primary &&
    idle.rolloutState === primary.rolloutState &&
    idle.deployments === service.deployments.length
  );
}

/** Stops the given tasks, as the scheduler does during scale-in and deployments. */
function stopServiceTasks(sim: Simulation, service: Service, taskIds: string[], primary: Deployment): void {
  if (taskIds.length === 0) return;
  for (const id of taskIds) {
    stopTask(sim, sim.world.tasksById.get(id)!, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${primary.id})`);
  }
  serviceEvent(sim, service.name, say.stoppedTasks(service.name, taskIds));
}

/**
 * Scale-in victims among the given tasks: those not yet RUNNING first, then by the service's placement
 * strategies' scale-in rules (DG task placement strategies).
 */
function pickVictims(sim: Simulation, service: Service, candidates: Task[], count: number): string[] {
  if (count <= 0) return [];
  const live = candidates.filter((t) => t.desiredStatus === 'RUNNING');
  const starting = live.filter((t) => t.lastStatus !== 'RUNNING').map((t) => t.id);
  const victims = starting.slice(0, count);
  const running = live.filter((t) => t.lastStatus === 'RUNNING');
  // Fargate tasks have no instance: they go first from the AZ with the most of them.
  const fargate = running.filter((t) => t.containerInstanceId === undefined);
  const fromFargate = chooseFargateScaleInVictims(
    fargate.map((t) => ({ taskId: t.id, availabilityZone: t.availabilityZone ?? '' })),
    count - victims.length,
  );
  const rest = chooseScaleInVictims(
    running.filter((t) => t.containerInstanceId !== undefined).map((t) => ({ taskId: t.id, instance: instanceOf(sim, t), reservation: t.reservation })),
    count - victims.length - fromFargate.length,
    specOf(sim, service).strategies,
    sim.random.services,
  );
  return [...victims, ...fromFargate, ...rest];
}

/** Places and launches `count` new tasks of the deployment; a task that fits nowhere is retried later. */
function startServiceTasks(sim: Simulation, service: Service, deployment: Deployment, count: number): void {
  const { engine } = sim;
  if (engine.now < service.launchNotBefore) {
    requestReconcile(sim, service, service.launchNotBefore);
    return;
  }
  const request = placementRequest(sim, service, deployment.taskDefinition);
  const items = specOf(sim, service).capacityProviderStrategy;
  const perProvider = items?.map((item) => service.counts.liveOnProvider.get(item.capacityProvider) ?? 0);
  const started: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = items && perProvider ? items[countNext(items, perProvider)].capacityProvider : undefined;
    if (name !== undefined && isFargateProvider(name)) {
      if (!fargateHasCapacity(sim, name)) {
        serviceEvent(sim, service.name, say.noFargateCapacity(service.name));
        requestReconcile(sim, service, engine.now + sim.spec.serviceKnobs.placementRetryInterval);
        break;
      }
      started.push(launchServiceTask(sim, service, deployment, undefined, name).id);
      continue;
    }
    const provider = name === undefined ? undefined : sim.world.capacityProviders.get(name)!;
    const taskRequest = provider ? { ...request, capacityProvider: provider.name } : request;
    const placement = placeTask(taskRequest, sim.placement, sim.random.placement);
    if (placement.placed) {
      started.push(launchServiceTask(sim, service, deployment, placement.instance, provider?.name).id);
      continue;
    }
    if (provider?.managedScaling.enabled && provisioningQuotaReached(sim)) {
      serviceEvent(sim, service.name, say.provisioningLimit(service.name));
      requestReconcile(sim, service, engine.now + sim.spec.serviceKnobs.placementRetryInterval);
      break;
    }
    if (provider?.managedScaling.enabled) {
      // The task waits in PROVISIONING while managed scaling brings capacity (DG cluster auto scaling).
      const task = launchServiceTask(sim, service, deployment, undefined, provider.name);
      waitForCapacity(sim, provider, task, taskRequest);
      started.push(task.id);
      continue;
    }
    serviceEvent(sim, service.name, placement.closest ? say.unableToPlace(service.name, placement.message) : say.noInstances(service.name));
    requestReconcile(sim, service, engine.now + sim.spec.serviceKnobs.placementRetryInterval);
    break;
  }
  if (started.length > 0) serviceEvent(sim, service.name, say.startedTasks(service.name, started));
}


export function launchServiceTask(sim: Simulation, service: Service, deployment: Deployment, instance: ContainerInstance | undefined, capacityProvider?: string): Task {
  const behavior = behaviorOf(sim.spec.taskBehavior, sim.world.taskDefinitions.get(deployment.taskDefinition)!);
  const random = sim.random.services;
  const fails = behavior.startFailureProbability > 0 && random.uniform() < behavior.startFailureProbability;
  const unhealthy = behavior.healthCheckFailureProbability > 0 && random.uniform() < behavior.healthCheckFailureProbability;
  const exits = behavior.exitAfter !== undefined && (behavior.exitProbability >= 1 || random.uniform() < behavior.exitProbability);
  const runDurationMs = exits && behavior.exitAfter ? Math.max(0, Math.round(sample(behavior.exitAfter, random))) : Infinity;
  const launch = {
      group: service.group,
      taskDefinition: deployment.taskDefinition,
      startedBy: deployment.id,
      serviceName: service.name,
      deploymentId: deployment.id,
      runDurationMs,
      startFailure: fails ? behavior.startFailureReason : undefined,
      failsHealthChecks: unhealthy,
      capacityProvider,
  };
  const task = capacityProvider !== undefined && isFargateProvider(capacityProvider) ? launchOnFargate(sim, launch, capacityProvider) : launchTask(sim, launch, instance);
  service.taskIds.add(task.id);
  service.version++;
  countServiceTask(service.counts, task, 1);
  service.tasksByDeployment.set(deployment.id, (service.tasksByDeployment.get(deployment.id) ?? 0) + 1);
  return task;
}

export function placementRequest(sim: Simulation, service: Service, taskDefinition: string): PlacementRequest {
  const td = sim.world.taskDefinitions.get(taskDefinition)!;
  const spec = specOf(sim, service);
  return {
    group: service.group,
    need: td.reservation,
    network: td.network,
    constraints: [...(sim.taskDefinitionConstraints.get(taskDefinition) ?? []), ...spec.constraints],
    strategies: spec.strategies,
  };
}

/**
 * Hears every state change of a service's task: target registration in ACTIVATING, health checks from
 * RUNNING, deregistration in DEACTIVATING; on STOPPED, the throttle for tasks that never ran, the
 * circuit breaker, and a reconcile to replace the task.
 */
export function serviceTaskTransitioned(sim: Simulation, task: Task, _from: TaskStatus, to: TaskStatus): void {
  if (task.serviceName === undefined) return;
  const service = sim.world.services.get(task.serviceName)!;
  const deployment = service.deployments.find((d) => d.id === task.deploymentId);
  switch (to) {
    case 'ACTIVATING':
      return registerTargets(sim, service, task);
    case 'RUNNING':
      service.consecutiveStartFailures = 0;
      if (deployment) deployment.anyRunning = true;
      return taskRunning(sim, task);
    case 'DEACTIVATING':
      deregisterInstance(sim, service, task);
      return deregisterTargets(sim, task);
    case 'STOPPING':
      deregisterInstance(sim, service, task);
      return removeTargets(sim, task);
    case 'STOPPED': {
      deregisterInstance(sim, service, task);
      removeTargets(sim, task);
      countServiceTask(service.counts, task, -1);
      service.version++;
      service.taskIds.delete(task.id);
      service.tasksByDeployment.set(task.deploymentId!, service.tasksByDeployment.get(task.deploymentId!)! - 1);
      if (task.instance?.status === 'DRAINING') service.tasksOnDrainingInstances--;
      const neverRan = task.startedAt === undefined && task.stopCode !== 'ServiceSchedulerInitiated';
      if (neverRan) {
        noteStartFailure(sim, service);
        if (deployment && !deployment.anyRunning) countFailedTask(sim, service, deployment);
      }
      return requestReconcile(sim, service);
    }
    default:
  }
}

/**
 * A task became healthy: it registers in the service's Cloud Map service (DG service discovery: healthy
 * tasks are registered), and the deployment may now stop old tasks or complete.
 */
export function serviceTaskHealthy(sim: Simulation, task: Task): void {
  const service = sim.world.services.get(task.serviceName!);
  if (!service) return;
  const registry = specOf(sim, service).registry;
  if (registry) sim.world.discovery.get(registry)!.add(task.id);
  requestReconcile(sim, service);
}

/** A stopping task leaves Cloud Map first, so clients stop resolving it. */
function deregisterInstance(sim: Simulation, service: Service, task: Task): void {
  const registry = specOf(sim, service).registry;
  if (registry) sim.world.discovery.get(registry)!.delete(task.id);
}

/**
 * A task was stopped for failing its health checks: the circuit breaker's second stage counts it, once
 * a task of the deployment has reached RUNNING (DG deployment circuit breaker).
 */
export function serviceHealthCheckFailed(sim: Simulation, service: Service, task: Task): void {
  const deployment = service.deployments.find((d) => d.id === task.deploymentId);
  if (deployment?.anyRunning) countFailedTask(sim, service, deployment);
}

/**
 * Service throttle logic: tasks that repeatedly stop before RUNNING make the scheduler wait longer
 * between launches, up to 15 minutes (DG). ASSUMPTION: the wait doubles from `throttleFirstDelay`.
 */
function noteStartFailure(sim: Simulation, service: Service): void {
  const knobs = sim.spec.serviceKnobs;
  service.consecutiveStartFailures++;
  const delay = Math.min(knobs.throttleMaxDelay, knobs.throttleFirstDelay * 2 ** (service.consecutiveStartFailures - 1));
  service.launchNotBefore = sim.engine.now + delay;
  if (service.consecutiveStartFailures >= 2) serviceEvent(sim, service.name, say.unableToStartConsistently(service.name));
}

/**
 * Deployment circuit breaker, first stage: tasks of the deployment that fail to reach RUNNING count;
 * at the threshold the deployment FAILS and, with rollback, the last COMPLETED deployment returns.
 */
function countFailedTask(sim: Simulation, service: Service, deployment: Deployment): void {
  const { circuitBreaker } = service.deploymentConfiguration;
  deployment.failedTasks++;
  if (!circuitBreaker.enable || deployment.rolloutState !== 'IN_PROGRESS' || deployment !== service.deployments[0]) return;
  if (deployment.failedTasks < circuitBreakerThreshold(service.desiredCount, sim.spec.serviceKnobs.circuitBreakerMinimumThreshold)) return;
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = `ECS deployment circuit breaker: tasks failed to start.`;
  deployment.updatedAt = sim.engine.now;
  serviceEvent(sim, service.name, say.deploymentFailed(service.name, deployment.id));
  logDeploymentStateChange(sim, service, deployment);
  const lastGood = service.deployments.find((d) => d !== deployment && d.rolloutState === 'COMPLETED');
  if (circuitBreaker.rollback && lastGood) {
    serviceEvent(sim, service.name, say.rollingBack(service.name, lastGood.id));
    startDeployment(sim, service, lastGood.taskDefinition, deployment.id);
  }
}

/** Completes deployments and reports a steady state when the service runs what it should. */
function noteProgress(sim: Simulation, service: Service, settled = isSettled(sim, service)): void {
  const { engine } = sim;
  const primary = service.deployments[0];
  if (!settled) return;
  if (primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = 'ECS deployment completed.';
    primary.updatedAt = engine.now;
    serviceEvent(sim, service.name, say.deploymentCompleted(service.name, primary.id));
    logDeploymentStateChange(sim, service, primary);
  }
  if (service.deployments.length > 1) {
    for (const old of service.deployments.slice(1)) {
      old.status = 'INACTIVE';
      old.updatedAt = engine.now;
    }
    service.deployments = [primary];
  }
  serviceEvent(sim, service.name, service.steadyStateMessage);
}

function reconcileDaemon(sim: Simulation, service: Service): void {
  const primary = service.deployments[0];
  const tasks = serviceTasks(sim, service);
  const request = placementRequest(sim, service, primary.taskDefinition);
  const actions = daemonActions(sim, service, primary, tasks, request);
  service.desiredCount = actions.desiredCount;
  stopServiceTasks(sim, service, actions.stop, primary);
  const started = actions.start.map((instance) => launchServiceTask(sim, service, primary, instance).id);
  if (started.length > 0) serviceEvent(sim, service.name, say.startedTasks(service.name, started));
  noteProgress(sim, service);
}

function instanceOf(sim: Simulation, task: Task): ContainerInstance {
  return task.instance!;
}

function specOf(sim: Simulation, service: Service): ServiceSpec {
  return sim.spec.services.find((s) => s.name === service.name)!;
}
