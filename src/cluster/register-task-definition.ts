import type { TaskDefinition } from '../model/task-definition.js';
import type { Simulation } from './simulation.js';

/**
 * RegisterTaskDefinition during the run: the next revision of `base`'s family, the same in all but
 * the image of one container (the named one, else the first essential one).
 */
export function registerImageRevision(sim: Simulation, base: TaskDefinition, image: string, container?: string): TaskDefinition {
  const { world } = sim;
  const target = container ?? base.containers.find((c) => c.essential)?.name ?? base.containers[0].name;
  let revision = 0;
  for (const td of world.taskDefinitions.values()) if (td.family === base.family) revision = Math.max(revision, td.revision);
  const next: TaskDefinition = {
    ...base,
    key: `${base.family}:${revision + 1}`,
    revision: revision + 1,
    containers: base.containers.map((c) => (c.name === target ? { ...c, image } : c)),
  };
  world.taskDefinitions.set(next.key, next);
  sim.taskDefinitionConstraints.set(next.key, sim.taskDefinitionConstraints.get(base.key) ?? []);
  return next;
}
