import type { ContainerInstance } from '../model/container-instance.js';
import type { Deployment, Service } from '../model/service.js';
import type { Task } from '../model/task.js';
import { firstRejection } from '../placement/filters/index.js';
import { memberOf } from '../placement/constraints/member-of.js';
import type { PlacementRequest } from '../placement/placement-request.js';
import { isEligible } from '../placement/placement-state.js';
import { say, serviceEvent } from './service-events.js';
import type { Simulation } from './simulation.js';

/**
 * The DAEMON scheduler (DG services): one task on every ACTIVE container instance that satisfies the
 * service's constraints. An instance running an old deployment's task has it stopped first (a DAEMON
 * deployment's minimum healthy percent defaults to 0) and gets the new one once it is gone.
 */
export function daemonActions(
  sim: Simulation,
  service: Service,
  primary: Deployment,
  tasks: Task[],
  request: PlacementRequest,
): { desiredCount: number; stop: string[]; start: ContainerInstance[] } {
  const byInstance = new Map<string, Task[]>();
  for (const task of tasks) {
    const at = task.containerInstanceId ?? '';
    const list = byInstance.get(at);
    if (list) list.push(task);
    else byInstance.set(at, [task]);
  }
  const stop: string[] = [];
  const start: ContainerInstance[] = [];
  let desiredCount = 0;
  for (const instance of sim.world.instances) {
    if (!isEligible(instance) || !satisfiesConstraints(sim, request, instance)) continue;
    desiredCount++;
    const here = byInstance.get(instance.id) ?? [];
    const live = here.filter((t) => t.desiredStatus === 'RUNNING');
    const old = live.filter((t) => t.deploymentId !== primary.id);
    stop.push(...old.map((t) => t.id));
    if (here.length > 0) continue;
    const rejection = firstRejection(request, instance, sim.placement.query);
    if (rejection) serviceEvent(sim, service.name, say.unableToPlace(service.name, `The closest matching container-instance ${instance.id} ${rejection.message}.`));
    else start.push(instance);
  }
  return { desiredCount, stop, start };
}

function satisfiesConstraints(sim: Simulation, request: PlacementRequest, instance: ContainerInstance): boolean {
  return request.constraints.every((c) => c.type !== 'memberOf' || memberOf(c.parsed, instance, sim.placement.query) === undefined);
}
