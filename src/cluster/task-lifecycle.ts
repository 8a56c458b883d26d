import { fargateUse, taskNumber } from '../results/build-results.js';
import { foldTask } from '../results/task-aggregates.js';
import { countServiceTask } from '../model/service-task-counts.js';
import type { Service } from '../model/service.js';
import { sample } from '../engine/distributions.js';
import type { Millis } from '../engine/time.js';
import type { ContainerInstance } from '../model/container-instance.js';
import { pullImages } from '../model/images.js';
import type { Resources } from '../model/resources.js';
import { isLegalTransition, isPending, type Task, type TaskStatus, type TaskStopCode } from '../model/task.js';
import { pendingTaskCount, taskId } from '../model/world.js';
import { claim, release } from '../placement/claim.js';
import type { StateDurationsSpec } from '../scenario/scenario-schema.js';
import { logTaskStateChange } from './event-log.js';
import { countInstanceUse, providerOfLive } from './provider-instance-use.js';
import { PHASE, type SimEvent } from './events.js';
import type { Simulation } from './simulation.js';

/** How long a task stays in each state before the next, by the scenario's taskStateDurations. */
const DURATION_OF: Partial<Record<TaskStatus, keyof StateDurationsSpec>> = {
  PROVISIONING: 'provisioning',
  PENDING: 'pending',
  ACTIVATING: 'activating',
  DEACTIVATING: 'deactivating',
  STOPPING: 'stopping',
  DEPROVISIONING: 'deprovisioning',
};

const NEXT_ON_START: Partial<Record<TaskStatus, TaskStatus>> = { PROVISIONING: 'PENDING', PENDING: 'ACTIVATING', ACTIVATING: 'RUNNING' };
const NEXT_ON_STOP: Partial<Record<TaskStatus, TaskStatus>> = { DEACTIVATING: 'STOPPING', STOPPING: 'DEPROVISIONING', DEPROVISIONING: 'STOPPED' };

export interface LaunchRequest {
  group: string;
  taskDefinition: string;
  startedBy: string;
  /** How long the essential container runs once RUNNING; Infinity for tasks that run until stopped. */
  runDurationMs: Millis;
  serviceName?: string;
  deploymentId?: string;
  /** The stopped reason, when the task is to fail to start. */
  startFailure?: string;
  /** The task starts but fails its health checks. */
  failsHealthChecks?: boolean;
  /** RunTask's overrides of the task definition's roles. */
  overrides?: { taskRoleArn?: string; executionRoleArn?: string };
  /** What the task reserves when not its task definition's (RunTask's task-level cpu/memory overrides). */
  reservation?: Resources;
  capacityProvider?: string;
  /** A Fargate task: no container instance, its own ENI in this AZ; held back by the launch-rate throttle this long. */
  fargate?: { availabilityZone: string; throttledMs: number };
}

/**
 * Creates a task in PROVISIONING. With an instance, it claims its resources, ports and ENI there and
 * starts its lifecycle; without one it waits for capacity (its capacity provider places it later).
 */
export function launchTask(sim: Simulation, request: LaunchRequest, instance: ContainerInstance | undefined): Task {
  const { world, engine } = sim;
  const td = world.taskDefinitions.get(request.taskDefinition)!;
  const task: Task = {
    id: taskId(++world.tasksLaunched),
    group: request.group,
    taskDefinition: request.taskDefinition,
    startedBy: request.startedBy,
    serviceName: request.serviceName,
    deploymentId: request.deploymentId,
    healthStatus: 'UNKNOWN',
    healthChecksPending: 0,
    failsHealthChecks: request.failsHealthChecks ?? false,
    targetGroups: [],
    deregistrationDelayMs: 0,
    launchType: request.fargate ? 'FARGATE' : 'EC2',
    capacityProvider: request.capacityProvider,
    // Every field is set here, undefined or not, so all tasks share one shape (V8 keeps them fast).
    containerInstanceId: undefined,
    instance: undefined,
    availabilityZone: request.fargate?.availabilityZone,
    reservation: ownReservation(request.reservation ?? td.reservation),
    claim: undefined,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    createdAt: engine.now,
    pendingAt: undefined,
    startedAt: undefined,
    stoppingAt: undefined,
    stoppedAt: undefined,
    stopCode: undefined,
    stoppedReason: undefined,
    healthyAt: undefined,
    timer: undefined,
    runDurationMs: request.runDurationMs,
    startFailure: request.startFailure,
    taskRoleArn: request.overrides?.taskRoleArn ?? td.taskRoleArn,
    executionRoleArn: request.overrides?.executionRoleArn ?? td.executionRoleArn,
    imagePullMs: 0,
    pulledImages: [],
    waitForCapacityMs: 0,
    retired: false,
  };
  world.tasks.push(task);
  world.tasksById.set(task.id, task);
  world.statusCounts.PROVISIONING++;
  groupCounts(sim, task.group).pending++;
  notePeaks(sim);
  if (instance) placeOn(sim, task, instance);
  else if (request.fargate) {
    task.waitForCapacityMs = request.fargate.throttledMs;
    scheduleNext(sim, task);
  }
  logTaskStateChange(sim, task);
  return task;
}

/** A task's own copy of what it reserves (fields written out: no spread on the launch path). */
function ownReservation(r: Resources): Resources {
  return { cpuUnits: r.cpuUnits, memoryMiB: r.memoryMiB };
}

/** Puts a task (new, or waiting for capacity) on an instance: claims what it needs and starts its lifecycle. */
export function placeOn(sim: Simulation, task: Task, instance: ContainerInstance): void {
  const td = sim.world.taskDefinitions.get(task.taskDefinition)!;
  task.containerInstanceId = instance.id;
  task.instance = instance;
  task.availabilityZone = instance.availabilityZone;
  task.claim = claim(sim.placement, instance, task.group, task.reservation, td.network);
  task.waitForCapacityMs = sim.engine.now - task.createdAt;
  instance.taskIds.add(task.id);
  if (!isDaemonTask(sim, task)) {
    const provider = providerOfLive(sim.world, instance);
    countInstanceUse(provider, instance, -1);
    instance.nonDaemonTasks++;
    countInstanceUse(provider, instance, 1);
  }
  instance.pendingTasksCount++;
  scheduleNext(sim, task);
}

/** Moves a task to its next state; the one place task status changes. */
export function transitionTask(sim: Simulation, task: Task, to: TaskStatus): void {
  const from = task.lastStatus;
  if (!isLegalTransition(from, to)) throw new Error(`task ${task.id}: illegal transition ${from} -> ${to}`);
  // A task due to fail to start stops when its containers would have started.
  if (from === 'PENDING' && to === 'ACTIVATING' && task.startFailure !== undefined) {
    stopTask(sim, task, 'TaskFailedToStart', task.startFailure);
    return;
  }
  const { world, engine } = sim;
  // A task still waiting for capacity has no instance: it can only be stopped.
  const { instance } = task;
  if (from === 'PENDING' && instance) for (const image of task.pulledImages) instance.images.add(image);
  const group = groupCounts(sim, task.group);
  const service = serviceOf(sim, task);
  if (service) {
    countServiceTask(service.counts, task, -1);
    service.version++;
  }
  world.statusCounts[from]--;
  world.statusCounts[to]++;
  if (instance && (from === 'RUNNING' || to === 'RUNNING')) {
    const sign = to === 'RUNNING' ? 1 : -1;
    world.runningOnInstances.tasks += sign;
    world.runningOnInstances.cpuUnits += sign * task.reservation.cpuUnits;
    world.runningOnInstances.memoryMiB += sign * task.reservation.memoryMiB;
  }
  task.lastStatus = to;
  if (service) countServiceTask(service.counts, task, 1);
  task.timer = undefined;
  if (isPending(from) && !isPending(to)) {
    if (instance) instance.pendingTasksCount--;
    group.pending--;
  }
  if (to === 'PENDING') task.pendingAt = engine.now;
  if (to === 'RUNNING') {
    task.startedAt = engine.now;
    if (instance) instance.runningTasksCount++;
    group.running++;
    if (task.runDurationMs !== Infinity) setTimer(sim, task, task.runDurationMs, PHASE.lifecycle, { kind: 'EssentialContainerExited', taskId: task.id });
  }
  if (from === 'RUNNING') {
    if (instance) instance.runningTasksCount--;
    group.running--;
  }
  if (to === 'STOPPED') {
    task.stoppedAt = engine.now;
    if (instance && task.claim) {
      release(sim.placement, instance, task.claim);
      instance.taskIds.delete(task.id);
      if (!isDaemonTask(sim, task)) {
        const provider = providerOfLive(world, instance);
        countInstanceUse(provider, instance, -1);
        instance.nonDaemonTasks--;
        countInstanceUse(provider, instance, 1);
      }
    }
  }
  notePeaks(sim);
  scheduleNext(sim, task);
  logTaskStateChange(sim, task);
  sim.observers.taskTransitioned(task, from, to);
  if (to === 'STOPPED' && sim.retireStoppedTasks) retireTask(sim, task);
}

/**
 * Lets a STOPPED task go (summary runs, which keep no per-task records): what Results need of it is
 * folded into the world's retired-task aggregates, it leaves the id index at once and the task list
 * in batches (a filter that keeps the order, once retired tasks are half of the list).
 */
function retireTask(sim: Simulation, task: Task): void {
  const { world } = sim;
  const retired = world.retiredTasks;
  foldTask(retired.aggregates, task);
  const use = fargateUse(sim.spec, world, task, sim.spec.durationMs);
  if (use) retired.fargateUses.push({ index: taskNumber(task.id), use });
  task.retired = true;
  world.tasksById.delete(task.id);
  sim.retiredInList++;
  if (sim.retiredInList * 2 > world.tasks.length) {
    world.tasks = world.tasks.filter((t) => !t.retired);
    retired.removed += sim.retiredInList;
    sim.retiredInList = 0;
  }
}

/**
 * Asks a task to stop (its desired status becomes STOPPED): a RUNNING task deregisters first
 * (DEACTIVATING), a task still starting goes straight to STOPPING. Stopping twice is harmless.
 */
export function stopTask(sim: Simulation, task: Task, stopCode: TaskStopCode, reason: string): void {
  if (task.desiredStatus === 'STOPPED') return;
  const service = serviceOf(sim, task);
  if (service) {
    countServiceTask(service.counts, task, -1);
    service.version++;
  }
  task.desiredStatus = 'STOPPED';
  if (service) countServiceTask(service.counts, task, 1);
  task.stopCode = stopCode;
  task.stoppedReason = reason;
  task.stoppingAt = sim.engine.now;
  if (task.timer !== undefined) sim.engine.cancel(task.timer);
  task.timer = undefined;
  if (task.lastStatus === 'RUNNING') transitionTask(sim, task, 'DEACTIVATING');
  else if (task.containerInstanceId === undefined && task.launchType === 'EC2') transitionTask(sim, task, 'STOPPED');
  else if (isPending(task.lastStatus)) transitionTask(sim, task, 'STOPPING');
}

/** The essential container exited: the task's desired status becomes STOPPED and it begins to stop. */
export function essentialContainerExited(sim: Simulation, task: Task): void {
  task.timer = undefined;
  stopTask(sim, task, 'EssentialContainerExited', 'Essential container in task exited');
}

function scheduleNext(sim: Simulation, task: Task): void {
  const status = task.lastStatus;
  const next = task.desiredStatus === 'RUNNING' ? NEXT_ON_START[status] : NEXT_ON_STOP[status];
  if (!next) return;
  const durationKey = DURATION_OF[status]!;
  // Fargate provisions the task's own capacity and ENI (ASSUMPTION: capacity.fargateProvisioning).
  const duration = status === 'PROVISIONING' && task.launchType === 'FARGATE' ? sim.spec.capacityKnobs.fargateProvisioning : sim.spec.taskStateDurations[durationKey];
  let delay = Math.max(0, Math.round(sample(duration, sim.random.lifecycle)));
  // A Fargate task held back by the launch-rate throttle provisions once its turn comes.
  if (status === 'PROVISIONING' && task.launchType === 'FARGATE') delay += task.waitForCapacityMs;
  // An interrupted Spot task gets SIGTERM and stops when it exits: ASSUMPTION, it uses its whole
  // stopTimeout (default 30 s), the window the two-minute warning leaves it (DG Fargate capacity providers).
  if (status === 'STOPPING' && task.stopCode === 'SpotInterruption') {
    const td = sim.world.taskDefinitions.get(task.taskDefinition)!;
    delay = Math.max(...td.containers.map((c) => c.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS));
  }
  // A task leaving its target groups stays DEACTIVATING through the deregistration delay (DG task lifecycle).
  if (status === 'DEACTIVATING') delay = Math.max(delay, task.deregistrationDelayMs);
  // PENDING covers pulling the images, then starting the containers.
  if (status === 'PENDING' && task.desiredStatus === 'RUNNING') delay += pull(sim, task);
  const phase = task.desiredStatus === 'STOPPED' ? PHASE.stops : PHASE.lifecycle;
  setTimer(sim, task, delay, phase, { kind: 'TaskTransitionDue', taskId: task.id, to: next });
}

/**
 * Pulls the task's images on its instance; a failed pull makes the task fail to start when the pull
 * ends. Fargate caches nothing: every task pulls every image (DG Fargate pull behavior).
 */
function pull(sim: Simulation, task: Task): Millis {
  const { world, spec, random } = sim;
  const td = world.taskDefinitions.get(task.taskDefinition)!;
  const roles = td.executionRoleArn === task.executionRoleArn ? td : { ...td, executionRoleArn: task.executionRoleArn };
  const { instance } = task;
  const outcome = instance
    ? pullImages(roles, instance.images, instance.imagePullBehavior, spec.images, spec.registries, random.images)
    : pullImages(roles, NOTHING_CACHED, 'always', spec.images, spec.registries, random.images, spec.capacityKnobs.fargateDefaultImageSizeMiB);
  task.imagePullMs = outcome.delayMs;
  task.pulledImages = outcome.pulled;
  if (outcome.failure !== undefined && task.startFailure === undefined) task.startFailure = outcome.failure;
  return outcome.delayMs;
}

const NOTHING_CACHED: ReadonlySet<string> = new Set();

/** ECS_CONTAINER_STOP_TIMEOUT's default: 30 s between SIGTERM and SIGKILL. */
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;

function setTimer(sim: Simulation, task: Task, delay: Millis, phase: number, event: SimEvent): void {
  task.timer = sim.engine.after(delay, phase, event);
}

function groupCounts(sim: Simulation, group: string): { pending: number; running: number } {
  let counts = sim.world.groupCounts.get(group);
  if (!counts) {
    counts = { pending: 0, running: 0 };
    sim.world.groupCounts.set(group, counts);
  }
  return counts;
}

function notePeaks(sim: Simulation): void {
  const { world } = sim;
  world.peaks.runningTasks = Math.max(world.peaks.runningTasks, world.statusCounts.RUNNING);
  world.peaks.pendingTasks = Math.max(world.peaks.pendingTasks, pendingTaskCount(world));
}

/** The service a task counts in: its service while the service holds it (launch to STOPPED). */
export function serviceOf(sim: Simulation, task: Task): Service | undefined {
  if (task.serviceName === undefined) return undefined;
  const service = sim.world.services.get(task.serviceName);
  return service !== undefined && service.taskIds.has(task.id) ? service : undefined;
}

/** A task of a DAEMON service (managed scaling counts an instance running only those as empty). */
export function isDaemonTask(sim: Simulation, task: Task): boolean {
  return task.serviceName !== undefined && sim.world.services.get(task.serviceName)!.schedulingStrategy === 'DAEMON';
}
