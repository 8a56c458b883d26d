import { countInstanceUse, providerOfLive } from './provider-instance-use.js';
import type { ContainerInstance } from '../model/container-instance.js';
import { isEligible } from '../placement/placement-state.js';
import { setDesiredCapacity, terminateInstance } from './capacity.js';
import { PHASE } from './events.js';
import type { Simulation } from './simulation.js';
import { stopTask } from './task-lifecycle.js';

/**
 * EC2 instances fail (at random among the running ones, in one AZ if given): their tasks stop, and an
 * Auto Scaling group launches replacements to get back to its desired capacity.
 */
export function failInstances(sim: Simulation, count: number, availabilityZone?: string): void {
  const candidates = sim.world.instances.filter((i) => i.terminatedAt === undefined && (availabilityZone === undefined || i.availabilityZone === availabilityZone));
  for (let k = 0; k < count && candidates.length > 0; k++) {
    const [victim] = candidates.splice(sim.random.faults.int(candidates.length), 1);
    failInstance(sim, victim, 'instance failure');
  }
}

function failInstance(sim: Simulation, instance: ContainerInstance, kind: string): void {
  if (instance.terminatedAt !== undefined) return;
  const tasks = instance.taskIds.size;
  terminateInstance(sim, instance);
  sim.world.faults.push({ at: sim.engine.now, kind, target: instance.id, tasksStopped: tasks });
  if (instance.capacityProvider !== undefined) {
    const provider = sim.world.capacityProviders.get(instance.capacityProvider)!;
    setDesiredCapacity(sim, provider, provider.desiredCapacity);
  }
}

/** The hazard: an instance fails after an exponential time (rate per instance-hour), if the scenario sets one. */
export function scheduleInstanceFailure(sim: Simulation, instance: ContainerInstance): void {
  const rate = sim.spec.capacityKnobs.instanceFailuresPerInstanceHour;
  if (rate <= 0) return;
  sim.engine.after(Math.round(sim.random.faults.exponential(3_600_000 / rate)), PHASE.lifecycle, { kind: 'InstanceFailureDue', instanceId: instance.id });
}

export function instanceFailureDue(sim: Simulation, instance: ContainerInstance): void {
  failInstance(sim, instance, 'instance failure');
}

/** Agents lose their connection for a while: their tasks keep running, nothing new is placed there. */
export function disconnectAgents(sim: Simulation, count: number, durationMs: number): void {
  const candidates = sim.world.instances.filter((i) => isEligible(i) && i.agentConnected);
  for (let k = 0; k < count && candidates.length > 0; k++) {
    const [victim] = candidates.splice(sim.random.faults.int(candidates.length), 1);
    victim.agentConnected = false;
    sim.world.faults.push({ at: sim.engine.now, kind: 'agent disconnected', target: victim.id, tasksStopped: 0 });
    sim.engine.after(durationMs, PHASE.lifecycle, { kind: 'AgentReconnectDue', instanceId: victim.id });
  }
}

export function agentReconnectDue(sim: Simulation, instance: ContainerInstance): void {
  if (instance.terminatedAt === undefined) instance.agentConnected = true;
  sim.observers.instanceRegistered(instance);
}

/**
 * A whole AZ goes away for a while: its instances fail, its Fargate tasks stop, and nothing launches
 * there until it returns; Auto Scaling groups replace the lost instances in their other AZs.
 */
export function azOutage(sim: Simulation, availabilityZone: string, durationMs: number): void {
  const { world, engine } = sim;
  world.unavailableZones.add(availabilityZone);
  let stopped = 0;
  for (const task of world.tasks) {
    if (task.launchType === 'FARGATE' && task.availabilityZone === availabilityZone && task.desiredStatus === 'RUNNING') {
      stopTask(sim, task, 'TerminationNotice', `Availability Zone ${availabilityZone} is unavailable.`);
      stopped++;
    }
  }
  for (const provider of world.capacityProviders.values()) {
    for (const launch of provider.launching.filter((l) => l.availabilityZone === availabilityZone)) engine.cancel(launch.handle);
    provider.launching = provider.launching.filter((l) => l.availabilityZone !== availabilityZone);
  }
  const instances = world.instances.filter((i) => i.availabilityZone === availabilityZone && i.terminatedAt === undefined);
  for (const instance of instances) {
    stopped += instance.taskIds.size;
    terminateInstance(sim, instance);
  }
  world.faults.push({ at: engine.now, kind: 'AZ outage', target: availabilityZone, tasksStopped: stopped });
  for (const provider of world.capacityProviders.values()) setDesiredCapacity(sim, provider, provider.desiredCapacity);
  engine.after(durationMs, PHASE.lifecycle, { kind: 'AzOutageEnds', availabilityZone });
}

export function azOutageEnds(sim: Simulation, availabilityZone: string): void {
  sim.world.unavailableZones.delete(availabilityZone);
}

/** EC2 Spot: the hazard of an interruption notice for an instance bought as Spot, if the scenario sets one. */
export function scheduleSpotNotice(sim: Simulation, instance: ContainerInstance): void {
  const rate = sim.spec.capacityKnobs.ec2SpotInterruptionsPerInstanceHour;
  if (rate <= 0 || instance.purchaseOption !== 'spot') return;
  sim.engine.after(Math.round(sim.random.faults.exponential(3_600_000 / rate)), PHASE.lifecycle, { kind: 'SpotNoticeDue', instanceId: instance.id });
}

/**
 * An EC2 Spot interruption notice: two minutes before the instance stops (EC2 Spot instance
 * interruption notices). The agent drains it (ECS_ENABLE_SPOT_INSTANCE_DRAINING, ASSUMPTION: on), so
 * service tasks move elsewhere; when the two minutes are up the instance terminates and its Auto
 * Scaling group replaces it.
 */
export function spotNoticeDue(sim: Simulation, instance: ContainerInstance): void {
  if (instance.terminatedAt !== undefined || instance.status === 'DRAINING') return;
  const provider = providerOfLive(sim.world, instance);
  countInstanceUse(provider, instance, -1);
  instance.status = 'DRAINING';
  countInstanceUse(provider, instance, 1);
  sim.world.faults.push({ at: sim.engine.now, kind: 'EC2 Spot interruption', target: instance.id, tasksStopped: instance.taskIds.size });
  sim.observers.instanceDraining(instance);
  sim.engine.after(SPOT_NOTICE_MS, PHASE.lifecycle, { kind: 'SpotTerminationDue', instanceId: instance.id });
}

export const SPOT_NOTICE_MS = 120_000;

export function spotTerminationDue(sim: Simulation, instance: ContainerInstance): void {
  if (instance.terminatedAt !== undefined) return;
  terminateInstance(sim, instance);
  if (instance.capacityProvider !== undefined) {
    const provider = sim.world.capacityProviders.get(instance.capacityProvider)!;
    setDesiredCapacity(sim, provider, provider.desiredCapacity);
  }
}

/** A timeline reclaim: this share of a capacity provider's Spot instances gets its notice now. */
export function interruptEc2Spot(sim: Simulation, capacityProvider: string, fraction: number): void {
  const provider = sim.world.capacityProviders.get(capacityProvider);
  if (!provider) return;
  const spot = provider.instances.filter((i) => i.purchaseOption === 'spot' && i.status === 'ACTIVE');
  const count = Math.round(spot.length * fraction);
  for (let k = 0; k < count; k++) spotNoticeDue(sim, spot.splice(sim.random.faults.int(spot.length), 1)[0]);
}
