import { sample } from '../engine/distributions.js';
import { placeTask } from '../placement/place-task.js';
import type { PlacementRequest } from '../placement/placement-request.js';
import { nextArrival } from '../workload/arrivals.js';
import { PHASE } from './events.js';
import type { Simulation } from './simulation.js';
import { launchTask, type LaunchRequest } from './task-lifecycle.js';
import { PROVISIONING_LIMIT_EXCEEDED, provisioningQuotaReached, waitForCapacity } from './capacity.js';
import { fargateHasCapacity, launchOnFargate, NO_FARGATE_CAPACITY } from './fargate.js';
import { isFargateProvider } from '../scenario/resolve-capacity.js';
import { invalidFargateSize, roundUpToFargateSize } from '../model/fargate.js';
import { nextProvider, type StrategyItem } from '../capacity/strategy-split.js';

/** The next provider of a strategy for one more task, counting it. */
export function countNext(items: readonly StrategyItem[], counts: number[]): number {
  const k = nextProvider(items, counts);
  counts[k]++;
  return k;
}

/**
 * A workload source calls RunTask: place `count` tasks one after another (each placement sees the
 * resources the previous one reserved); a task that fits nowhere becomes a RunTask failure, as
 * RunTask reports it. Then schedule the source's next call. Each task reserves the source's size (the
 * task definition's, or RunTask's cpu/memory overrides); a trace call brings its own size and duration.
 */
export function runTaskRequested(sim: Simulation, sourceIndex: number): void {
  const source = sim.spec.runTasks[sourceIndex];
  const { world, engine } = sim;
  const td = world.taskDefinitions.get(source.taskDefinition)!;
  const call = source.arrivals.process === 'trace' ? source.arrivals.calls[sim.arrivals[sourceIndex].callsMade - 1] : undefined;
  const reservation = call ? call.reservation : source.reservation;
  const request: PlacementRequest = {
    group: source.group,
    need: reservation,
    network: td.network,
    constraints: source.constraints,
    strategies: source.strategies,
  };
  const items = source.capacityProviderStrategy;
  const perProvider = items?.map(() => 0);
  for (let i = 0; i < source.count; i++) {
    world.tasksRequested++;
    // With a capacity provider strategy, each task of the call goes to the provider the split picks.
    const name = items && perProvider ? items[countNext(items, perProvider)].capacityProvider : undefined;
    if (name !== undefined && isFargateProvider(name)) {
      // A trace call's pod size is rounded up to a Fargate size, as the DG advises sizing Fargate tasks.
      const size = call ? roundUpToFargateSize(reservation.cpuUnits, reservation.memoryMiB) : reservation;
      if (!size) {
        const message = invalidFargateSize(reservation.cpuUnits, reservation.memoryMiB);
        world.runTaskFailures.push({ at: engine.now, source: source.name, taskDefinition: source.taskDefinition, group: source.group, reason: 'ClientException', message });
        continue;
      }
      const runDurationMs = call ? call.runDurationMs : runDuration(sim, sourceIndex);
      const launch = { group: source.group, taskDefinition: source.taskDefinition, startedBy: source.startedBy, overrides: source.overrides, runDurationMs, reservation: size };
      if (fargateHasCapacity(sim, name)) launchOnFargate(sim, launch, name);
      else world.runTaskFailures.push({ at: engine.now, source: source.name, taskDefinition: source.taskDefinition, group: source.group, reason: NO_FARGATE_CAPACITY, message: NO_FARGATE_CAPACITY });
      continue;
    }
    const provider = name === undefined ? undefined : world.capacityProviders.get(name)!;
    const taskRequest = provider ? { ...request, capacityProvider: provider.name } : request;
    const placement = placeTask(taskRequest, sim.placement, sim.random.placement);
    if (!placement.placed && provider?.managedScaling.enabled && provisioningQuotaReached(sim)) {
      const reason = PROVISIONING_LIMIT_EXCEEDED;
      world.runTaskFailures.push({ at: engine.now, source: source.name, taskDefinition: source.taskDefinition, group: source.group, reason, message: reason });
      continue;
    }
    if (placement.placed || provider?.managedScaling.enabled) {
      const launch: LaunchRequest = {
        group: source.group,
        taskDefinition: source.taskDefinition,
        startedBy: source.startedBy,
        runDurationMs: call ? call.runDurationMs : runDuration(sim, sourceIndex),
        overrides: source.overrides,
        reservation,
        capacityProvider: provider?.name,
      };
      if (placement.placed) launchTask(sim, launch, placement.instance);
      // Managed scaling will bring capacity: the task waits in PROVISIONING (DG cluster auto scaling).
      else waitForCapacity(sim, provider!, launchTask(sim, launch, undefined), taskRequest);
    } else {
      world.runTaskFailures.push({
        at: engine.now,
        source: source.name,
        taskDefinition: source.taskDefinition,
        group: source.group,
        reason: placement.reason,
        containerInstanceId: placement.closest?.id,
        message: placement.message,
      });
    }
  }
  scheduleNextArrival(sim, sourceIndex);
}

/** Schedules the next RunTask call of a source, if it has one left inside its window. */
export function scheduleNextArrival(sim: Simulation, sourceIndex: number): void {
  const source = sim.spec.runTasks[sourceIndex];
  const state = sim.arrivals[sourceIndex];
  const at = nextArrival(source.arrivals, source, state.callsMade, state.lastAt, sim.random.arrivals[sourceIndex]);
  if (at === undefined || at < sim.engine.now) return;
  state.callsMade++;
  state.lastAt = at;
  sim.engine.at(at, PHASE.requests, { kind: 'RunTaskRequested', source: sourceIndex });
}

/** How long a task of the source runs once RUNNING: a draw from its duration distribution (every non-trace source has one). */
function runDuration(sim: Simulation, sourceIndex: number): number {
  return Math.max(0, Math.round(sample(sim.spec.runTasks[sourceIndex].duration!, sim.random.runDurations[sourceIndex])));
}
