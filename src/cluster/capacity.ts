import { estimateInstances } from '../capacity/estimate.js';
import { instanceTypeBounds } from '../capacity/instance-type-bounds.js';
import { decideScaling } from '../capacity/managed-scaling.js';
import { sample } from '../engine/distributions.js';
import { instanceTypeToLaunch, type CapacityProvider } from '../model/capacity-provider.js';
import type { ContainerInstance } from '../model/container-instance.js';
import { instanceType } from '../model/instance-types.js';
import type { Task } from '../model/task.js';
import { chooseInstance } from '../placement/choose-instance.js';
import type { PlacementRequest } from '../placement/placement-request.js';
import { defaultSetup, newContainerInstance } from './build-world.js';
import { logContainerInstanceStateChange } from './event-log.js';
import { PHASE } from './events.js';
import { equalSamples, putMinute } from '../metrics/metric-store.js';
import { capacityProviderReservation } from '../metrics/published-metrics.js';
import type { Simulation } from './simulation.js';
import { chooseInstancesToRemove } from './instance-scale-in.js';
import { placeOn, stopTask } from './task-lifecycle.js';
import { scheduleInstanceFailure, scheduleSpotNotice } from './faults.js';
import { countInstanceUse, providerOfLive } from './provider-instance-use.js';

/** A task joins its capacity provider's queue in PROVISIONING, until capacity comes or its wait times out. */
export function waitForCapacity(sim: Simulation, provider: CapacityProvider, task: Task, request: PlacementRequest): void {
  provider.waiting.push(task.id);
  sim.waitingRequests.set(task.id, request);
  sim.engine.after(sim.spec.capacityKnobs.provisioningTimeout, PHASE.lifecycle, { kind: 'ProvisioningTimeoutDue', taskId: task.id });
}

/** RunTask's words when the cluster already has its quota of tasks waiting in PROVISIONING. */
export const PROVISIONING_LIMIT_EXCEEDED = 'Tasks provisioning capacity limit exceeded.';

/**
 * The "Tasks in the PROVISIONING state per cluster" quota: no more tasks may wait for capacity once
 * this many do (ASSUMPTION: checked task by task; the default 500 is the quota's value in third-party
 * dumps, 100 in 2020 and 300 in 2022).
 */
export function provisioningQuotaReached(sim: Simulation): boolean {
  let waiting = 0;
  for (const provider of sim.world.capacityProviders.values()) waiting += provider.waiting.length;
  return waiting >= sim.spec.capacityKnobs.provisioningTasksQuota;
}

/**
 * Places the provider's waiting tasks that now fit, in arrival order (ASSUMPTION: a task that does not
 * fit does not hold back the ones behind it).
 */
export function placeWaitingTasks(sim: Simulation, provider: CapacityProvider): void {
  if (provider.waiting.length === 0) return;
  const still: string[] = [];
  for (const id of provider.waiting) {
    const task = sim.world.tasksById.get(id)!;
    const request = sim.waitingRequests.get(id)!;
    const instance = task.desiredStatus === 'RUNNING' ? chooseInstance(request, sim.placement, 0) : undefined;
    if (instance) {
      sim.waitingRequests.delete(id);
      placeOn(sim, task, instance);
    } else if (task.desiredStatus === 'RUNNING') still.push(id);
  }
  provider.waiting = still;
}

export function provisioningTimeoutDue(sim: Simulation, task: Task): void {
  if (task.containerInstanceId !== undefined || task.desiredStatus !== 'RUNNING') return;
  removeWaiting(sim, task);
  stopTask(sim, task, 'TaskFailedToStart', 'Capacity is unavailable at this time. Please try again later or in a different availability zone');
}

/** A waiting task that stops leaves its provider's queue. */
export function removeWaiting(sim: Simulation, task: Task): void {
  const provider = task.capacityProvider === undefined ? undefined : sim.world.capacityProviders.get(task.capacityProvider);
  if (!provider) return;
  provider.waiting = provider.waiting.filter((id) => id !== task.id);
  sim.waitingRequests.delete(task.id);
}

/**
 * Sets the Auto Scaling group's desired capacity (within min and max): new instances launch into the
 * AZ with the fewest (EC2 launch, then agent registration); fewer cancel launches in flight, newest
 * first, then terminate instances.
 */
export function setDesiredCapacity(sim: Simulation, provider: CapacityProvider, desired: number): void {
  const { engine } = sim;
  const target = Math.min(provider.asg.maxSize, Math.max(provider.asg.minSize, desired));
  provider.desiredCapacity = target;
  let running = provider.instances.length + provider.launching.length;
  while (running < target) {
    const zone = leastUsedZone(sim, provider);
    // Every AZ of the group is out: the group cannot launch until one returns (ASSUMPTION: it retries a minute later).
    if (zone === undefined) break;
    const launchMs = Math.max(0, Math.round(sample(provider.asg.launchTime, sim.random.capacity)));
    const registerMs = Math.max(0, Math.round(sample(provider.asg.registrationTime, sim.random.capacity)));
    const id = provider.launches++;
    const handle = engine.after(launchMs + registerMs, PHASE.lifecycle, { kind: 'InstanceRegistrationDue', provider: provider.name, launchId: id });
    provider.launching.push({ id, availabilityZone: zone, launchedAt: engine.now + launchMs, handle });
    countInZone(provider, zone, 1);
    running++;
  }
  while (running > target && provider.launching.length > 0) {
    const cancelled = provider.launching.pop()!;
    engine.cancel(cancelled.handle);
    countInZone(provider, cancelled.availabilityZone, -1);
    running--;
  }
  if (running > target) scaleIn(sim, provider, running - target);
}

/** One more (1) or one fewer (-1) instance or launch of the group in an AZ. */
function countInZone(provider: CapacityProvider, zone: string, sign: 1 | -1): void {
  provider.perZone.set(zone, (provider.perZone.get(zone) ?? 0) + sign);
}

/** The available AZ of the group with the fewest instances and launches (the first of those tied). */
function leastUsedZone(sim: Simulation, provider: CapacityProvider): string | undefined {
  const counts = provider.perZone;
  const zones = provider.asg.availabilityZones.filter((z) => !sim.world.unavailableZones.has(z));
  if (zones.length === 0) return undefined;
  let best = zones[0];
  for (const zone of zones) if ((counts.get(zone) ?? 0) < (counts.get(best) ?? 0)) best = zone;
  return best;
}

/** The EC2 instance is running and its agent registers: it joins the cluster and takes waiting tasks. */
export function instanceRegistrationDue(sim: Simulation, providerName: string, launchId: number): void {
  const provider = sim.world.capacityProviders.get(providerName)!;
  const at = provider.launching.findIndex((l) => l.id === launchId);
  if (at < 0) return;
  const [launch] = provider.launching.splice(at, 1);
  const type = instanceType(instanceTypeToLaunch(provider.asg, (t) => sim.spec.prices.ec2[t] ?? 0))!;
  const instance = newContainerInstance(sim.world, type, launch.availabilityZone, defaultSetup(provider.asg.attributes), { launchedAt: launch.launchedAt, registeredAt: sim.engine.now }, {
    capacityProvider: provider.name,
    purchaseOption: provider.asg.purchase,
  });
  sim.placement.index.instanceAdded(instance);
  provider.instances.push(instance);
  countInstanceUse(provider, instance, 1);
  scheduleInstanceFailure(sim, instance);
  scheduleSpotNotice(sim, instance);
  logContainerInstanceStateChange(sim, instance);
  placeWaitingTasks(sim, provider);
  sim.observers.instanceRegistered(instance);
}

/**
 * Scale-in: with managed termination protection only instances without non-daemon tasks may go
 * (DG: ECS protects the others); otherwise the group's own choice. ASSUMPTION: victims come from the AZ
 * with the most instances, newest first. With managed draining the instance drains first and
 * terminates when its tasks are gone (at most 48 hours); without, it terminates now.
 */
function scaleIn(sim: Simulation, provider: CapacityProvider, count: number): void {
  const candidate = (i: ContainerInstance) => i.status === 'ACTIVE' && (!provider.managedTerminationProtection || isEmpty(sim, i));
  const victims = chooseInstancesToRemove(provider.instances, candidate, count);
  for (const victim of victims) {
    if (provider.managedDraining && victim.taskIds.size > 0) drain(sim, victim);
    else terminateInstance(sim, victim);
  }
}

/** Empty: no task but a DAEMON service's (DG cluster auto scaling: such instances are not "in use"). */
export function isEmpty(_sim: Simulation, instance: ContainerInstance): boolean {
  return instance.nonDaemonTasks === 0;
}

function drain(sim: Simulation, instance: ContainerInstance): void {
  const provider = providerOfLive(sim.world, instance);
  countInstanceUse(provider, instance, -1);
  instance.status = 'DRAINING';
  countInstanceUse(provider, instance, 1);
  instance.terminateWhenDrained = true;
  sim.engine.after(48 * 3_600_000, PHASE.lifecycle, { kind: 'DrainingTimeoutDue', instanceId: instance.id });
  sim.observers.instanceDraining(instance);
}

/** A draining instance whose tasks are all gone terminates. */
export function drainedCheck(sim: Simulation, instance: ContainerInstance): void {
  if (instance.terminateWhenDrained && instance.status === 'DRAINING' && instance.terminatedAt === undefined && instance.taskIds.size === 0) {
    terminateInstance(sim, instance);
  }
}

export function drainingTimeoutDue(sim: Simulation, instance: ContainerInstance): void {
  if (instance.status === 'DRAINING' && instance.terminatedAt === undefined) terminateInstance(sim, instance);
}

/** The EC2 instance terminates: its tasks stop (the host is gone) and it leaves its group. */
export function terminateInstance(sim: Simulation, instance: ContainerInstance): void {
  countInstanceUse(providerOfLive(sim.world, instance), instance, -1);
  instance.terminatedAt = sim.engine.now;
  sim.world.liveInstances.delete(instance);
  sim.placement.index.instanceTerminated(instance);
  for (const id of [...instance.taskIds]) {
    stopTask(sim, sim.world.tasksById.get(id)!, 'TerminationNotice', `Host EC2 (instance ${instance.id}) terminated.`);
  }
  if (instance.capacityProvider !== undefined) {
    const provider = sim.world.capacityProviders.get(instance.capacityProvider)!;
    // In place, not a copy: a scale-in terminates dozens of a group's thousands of instances at once.
    provider.instances.splice(provider.instances.indexOf(instance), 1);
    countInZone(provider, instance.availabilityZone, -1);
  }
}

/**
 * Once a minute, for every provider with managed scaling: estimate what its waiting tasks need,
 * compute CapacityProviderReservation and let the managed target tracking policy act.
 */
export function capacityMetricsDue(sim: Simulation): void {
  const { engine, world } = sim;
  for (const provider of world.capacityProviders.values()) {
    // The group replaces what it lost (failed instances, launches blocked by an AZ outage).
    if (provider.instances.length + provider.launching.length < provider.desiredCapacity) setDesiredCapacity(sim, provider, provider.desiredCapacity);
    const { inUse } = provider.instanceUse;
    const idle = provider.launching.length + provider.instanceUse.idle;
    const waiting = provider.waiting.map((id) => sim.waitingRequests.get(id)!);
    const types = instanceTypeBounds(provider.asg.instanceTypes.map((t) => instanceType(t)!));
    const estimate = waiting.length === 0 ? { usedIdle: 0, extra: 0 } : estimateInstances(waiting, types, idle, provider.asg.availabilityZones, provider.asg.attributes, sim.spec.startEpochMs);
    const decision = decideScaling({
      now: engine.now,
      managedScaling: provider.managedScaling,
      minSize: provider.asg.minSize,
      maxSize: provider.asg.maxSize,
      desiredCapacity: provider.desiredCapacity,
      running: provider.instances.length + provider.launching.length,
      inUse,
      usedIdle: estimate.usedIdle,
      extra: estimate.extra,
      warmupUntil: provider.warmupUntil,
      minutesAbove: provider.minutesAbove,
      minutesBelow: provider.minutesBelow,
      formula: sim.spec.capacityKnobs.reservationFormula,
    });
    provider.reservation = decision.reservation;
    // AWS/ECS/ManagedScaling CapacityProviderReservation, for the minute that ends now (ASSUMPTION: published
    // after the services' metrics of the same minute, so service alarms see it a minute later).
    if (provider.managedScaling.enabled && engine.now >= 60_000) {
      putMinute(world.metrics, capacityProviderReservation(world.clusterName, provider.name), engine.now / 60_000 - 1, equalSamples(decision.reservation, 1));
    }
    provider.minutesAbove = decision.minutesAbove;
    provider.minutesBelow = decision.minutesBelow;
    if (!provider.managedScaling.enabled || decision.desiredCapacity === undefined) continue;
    const before = provider.desiredCapacity;
    setDesiredCapacity(sim, provider, decision.desiredCapacity);
    if (provider.desiredCapacity > before) provider.warmupUntil = engine.now + provider.managedScaling.instanceWarmupPeriodMs;
    world.scalingActivities.push({ at: engine.now, capacityProvider: provider.name, from: before, to: provider.desiredCapacity, reservation: decision.reservation });
  }
  const next = engine.now + 60_000;
  if (next <= sim.spec.durationMs) engine.at(next, PHASE.metrics, { kind: 'CapacityMetricsDue' });
}

/** Hears task state changes: a stopped task frees capacity for waiting tasks and may finish a drain. */
export function capacityTaskTransitioned(sim: Simulation, task: Task, to: string): void {
  if (to !== 'STOPPED' || task.launchType === 'FARGATE') return;
  if (task.containerInstanceId === undefined) return removeWaiting(sim, task);
  const instance = task.instance!;
  if (instance.capacityProvider !== undefined) placeWaitingTasks(sim, sim.world.capacityProviders.get(instance.capacityProvider)!);
  drainedCheck(sim, instance);
}
