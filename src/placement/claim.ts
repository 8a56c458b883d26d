import type { ContainerInstance } from '../model/container-instance.js';
import { findDynamicPorts, type Claim, type NetworkBinding } from '../model/ports.js';
import type { Resources } from '../model/resources.js';
import type { NetworkNeeds } from '../model/task-definition.js';
import type { PlacementState } from './placement-state.js';


/**
 * Reserves a placed task's CPU, memory, host ports and ENI on `instance` and keeps the placement
 * indexes current. Dynamic host ports are assigned as the agent does (upward from the last one).
 * The one place an instance's remaining resources go down.
 */
export function claim(state: PlacementState, instance: ContainerInstance, group: string, resources: Resources, network: NetworkNeeds): Claim {
  setRemaining(state, instance, instance.remaining.cpuUnits - resources.cpuUnits, instance.remaining.memoryMiB - resources.memoryMiB);
  const bindings: NetworkBinding[] = [];
  const staticPorts: Claim['staticPorts'] = [];
  for (const p of network.staticPorts) {
    const ports = instance.ports[p.protocol];
    ports.bound.add(p.hostPort);
    ports.staticBound.add(p.hostPort);
    staticPorts.push({ port: p.hostPort, protocol: p.protocol });
    bindings.push({ containerName: p.container, containerPort: p.containerPort, hostPort: p.hostPort, protocol: p.protocol });
  }
  for (const d of network.dynamicPorts) {
    const ports = instance.ports[d.protocol];
    const first = findDynamicPorts(ports, instance.dynamicPortRange, d.count);
    if (first === undefined) throw new Error(`claim: no dynamic port on ${instance.id}, but placement said it fits`);
    for (let i = 0; i < d.count; i++) {
      ports.bound.add(first + i);
      bindings.push({ containerName: d.container, containerPort: d.containerPort + i, hostPort: first + i, protocol: d.protocol });
    }
    ports.lastDynamic = first + d.count - 1;
  }
  if (network.eni) instance.enisInUse++;
  instance.groupCounts.set(group, (instance.groupCounts.get(group) ?? 0) + 1);
  state.groups.changed(group, instance, 1);
  return { group, resources, bindings, staticPorts, eni: network.eni };
}

/** Gives back everything a claim holds. The one place an instance's remaining resources go up. */
export function release(state: PlacementState, instance: ContainerInstance, held: Claim): void {
  setRemaining(state, instance, instance.remaining.cpuUnits + held.resources.cpuUnits, instance.remaining.memoryMiB + held.resources.memoryMiB);
  for (const b of held.bindings) instance.ports[b.protocol].bound.delete(b.hostPort);
  for (const p of held.staticPorts) instance.ports[p.protocol].staticBound.delete(p.port);
  if (held.eni) instance.enisInUse--;
  const n = (instance.groupCounts.get(held.group) ?? 0) - 1;
  if (n === 0) instance.groupCounts.delete(held.group);
  else instance.groupCounts.set(held.group, n);
  state.groups.changed(held.group, instance, -1);
}

function setRemaining(state: PlacementState, instance: ContainerInstance, cpuUnits: number, memoryMiB: number): void {
  const cpuBefore = instance.remaining.cpuUnits;
  const memoryBefore = instance.remaining.memoryMiB;
  instance.remaining.cpuUnits = cpuUnits;
  instance.remaining.memoryMiB = memoryMiB;
  state.index.remainingChanged(instance, cpuBefore, memoryBefore);
}
