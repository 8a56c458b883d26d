import type { Task } from '../model/task.js';
import { PHASE } from './events.js';
import type { Simulation } from './simulation.js';
import { launchTask, stopTask, type LaunchRequest } from './task-lifecycle.js';

/** ECS's words when Fargate (Spot) has no capacity for a task. */
export const NO_FARGATE_CAPACITY = 'Capacity is unavailable at this time. Please try again later or in a different availability zone';

/** FARGATE always has capacity here; FARGATE_SPOT not inside the scenario's unavailable windows. */
export function fargateHasCapacity(sim: Simulation, provider: string): boolean {
  if (sim.world.availabilityZones.every((z) => sim.world.unavailableZones.has(z))) return false;
  if (provider !== 'FARGATE_SPOT') return true;
  const now = sim.engine.now;
  return !sim.spec.capacityKnobs.spotUnavailable.some((w) => now >= w.from && now < w.to);
}

/**
 * Launches a task on Fargate: no container instance; ECS spreads a task group's Fargate tasks over
 * the cluster's AZs (DG task placement: Fargate), so it goes to the AZ with the fewest of its group.
 */
export function launchOnFargate(sim: Simulation, launch: LaunchRequest, provider: string): Task {
  const zones = sim.world.availabilityZones.filter((z) => !sim.world.unavailableZones.has(z));
  const counts = zoneCounts(sim, launch.group);
  let zone = zones[0];
  for (const z of zones) if ((counts.get(z) ?? 0) < (counts.get(zone) ?? 0)) zone = z;
  counts.set(zone, (counts.get(zone) ?? 0) + 1);
  return launchTask(sim, { ...launch, capacityProvider: provider, fargate: { availabilityZone: zone, throttledMs: takeLaunchToken(sim, provider) } }, undefined);
}

/**
 * The Fargate launch-rate throttle (DG request throttling: a token bucket per account and Region, 100
 * tasks burst, 20 a second sustained, for on-demand and Spot each). ASSUMPTION: a task beyond the
 * bucket is not refused but launched when its token comes, as the scheduler's retries would.
 * Returns how long this launch waits.
 */
export function takeLaunchToken(sim: Simulation, provider: string): number {
  const { capacityKnobs } = sim.spec;
  const now = sim.engine.now;
  const perMs = capacityKnobs.fargateLaunchesPerSecond / 1000;
  const bucket = sim.world.fargateTokens.get(provider) ?? { tokens: capacityKnobs.fargateLaunchBurst, at: now };
  const tokens = Math.min(capacityKnobs.fargateLaunchBurst, bucket.tokens + (now - bucket.at) * perMs);
  const wait = tokens >= 1 ? 0 : Math.ceil((1 - tokens) / perMs);
  sim.world.fargateTokens.set(provider, { tokens: tokens - 1, at: now });
  return wait;
}

function zoneCounts(sim: Simulation, group: string): Map<string, number> {
  let counts = sim.world.fargateZoneCounts.get(group);
  if (!counts) {
    counts = new Map();
    sim.world.fargateZoneCounts.set(group, counts);
  }
  return counts;
}

/** Hears Fargate task changes: Spot interruptions are drawn at RUNNING; a STOPPED task leaves its AZ count. */
export function fargateTaskTransitioned(sim: Simulation, task: Task, to: string): void {
  if (task.launchType !== 'FARGATE') return;
  if (to === 'STOPPED') {
    const counts = zoneCounts(sim, task.group);
    counts.set(task.availabilityZone!, counts.get(task.availabilityZone!)! - 1);
    return;
  }
  const rate = sim.spec.capacityKnobs.spotInterruptionsPerTaskHour;
  if (to === 'RUNNING' && task.capacityProvider === 'FARGATE_SPOT' && rate > 0) {
    sim.engine.after(Math.round(sim.random.spot.exponential(3_600_000 / rate)), PHASE.lifecycle, { kind: 'SpotInterruptionDue', taskId: task.id });
  }
}

/**
 * A Fargate Spot interruption: ECS sends the two-minute warning and SIGTERM, and the task stops
 * (stop code SpotInterruption; the DG's example message "Your Spot Task was interrupted.").
 */
export function spotInterruptionDue(sim: Simulation, task: Task): void {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  stopTask(sim, task, 'SpotInterruption', 'Your Spot Task was interrupted.');
}

/** A timeline interruption: this share of the running FARGATE_SPOT tasks, chosen at random. */
export function interruptSpotTasks(sim: Simulation, fraction: number): void {
  const running = sim.world.tasks.filter((t) => t.capacityProvider === 'FARGATE_SPOT' && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
  const count = Math.round(running.length * fraction);
  for (let k = 0; k < count; k++) {
    const [victim] = running.splice(sim.random.spot.int(running.length), 1);
    spotInterruptionDue(sim, victim);
  }
}
