import type { ContainerInstance } from '../model/container-instance.js';

/**
 * Which of a group's instances go when it scales in by `count`, one at a time: the newest candidate
 * (the last in `instances`) of the AZ with the most candidates; between AZs with as many, the AZ whose
 * newest candidate is newer (ASSUMPTION, docs/fidelity.md).
 */
export function chooseInstancesToRemove(instances: readonly ContainerInstance[], isCandidate: (instance: ContainerInstance) => boolean, count: number): ContainerInstance[] {
  // The candidates per AZ, newest last.
  const byZone = new Map<string, ContainerInstance[]>();
  for (const instance of instances) {
    if (!isCandidate(instance)) continue;
    const zone = byZone.get(instance.availabilityZone);
    if (zone) zone.push(instance);
    else byZone.set(instance.availabilityZone, [instance]);
  }
  const victims: ContainerInstance[] = [];
  for (let k = 0; k < count; k++) {
    let from: ContainerInstance[] | undefined;
    for (const zone of byZone.values()) {
      if (zone.length === 0) continue;
      if (!from || zone.length > from.length || (zone.length === from.length && zone.at(-1)!.index > from.at(-1)!.index)) from = zone;
    }
    if (!from) break;
    victims.push(from.pop()!);
  }
  return victims;
}
