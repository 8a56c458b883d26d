import type { ContainerInstance } from '../model/container-instance.js';
import type { Service } from '../model/service.js';
import type { Task } from '../model/task.js';
import type { ServiceTaskView } from './rolling-update.js';
import type { Simulation } from './simulation.js';

/** A service's tasks as the scheduler reads them, and whether the service has reached what it should run. */

/** Every task of the service is the PRIMARY deployment's, meant to run and healthy, and there are as many as desired. */
export function isSettled(_sim: Simulation, service: Service): boolean {
  const desired = service.desiredCount;
  return service.taskIds.size === desired && service.tasksByDeployment.get(service.deployments[0].id) === desired && service.counts.healthyMeantToRun === desired;
}

/** Every task of the service is the PRIMARY deployment's and none is on a draining instance (no view of a task differs in deployment). */
export function primaryOnly(service: Service): boolean {
  return service.tasksOnDrainingInstances === 0 && (service.tasksByDeployment.get(service.deployments[0].id) ?? 0) === service.taskIds.size;
}

/** Settled, and every task RUNNING on an instance that is not draining (nothing for the rolling update to replace). */
export function isSteady(_sim: Simulation, service: Service): boolean {
  const desired = service.desiredCount;
  const primary = service.deployments[0];
  // Serving: RUNNING, healthy and meant to run; all of them the primary's; none on a draining instance.
  return (
    service.taskIds.size === desired &&
    service.counts.serving === desired &&
    service.tasksByDeployment.get(primary.id) === desired &&
    service.tasksOnDrainingInstances === 0 &&
    primary.rolloutState !== 'FAILED'
  );
}

/** An instance started draining: its service tasks are counted as on a draining instance. */
export function instanceDrained(sim: Simulation, instance: ContainerInstance): void {
  for (const id of instance.taskIds) {
    const task = sim.world.tasksById.get(id)!;
    const service = task.serviceName === undefined ? undefined : sim.world.services.get(task.serviceName);
    if (!service?.taskIds.has(id)) continue;
    service.tasksOnDrainingInstances++;
    service.version++;
  }
}

/** The service's tasks, oldest first (a Set keeps the order they were launched in). */
export function serviceTasks(sim: Simulation, service: Service): Task[] {
  const tasks: Task[] = [];
  for (const id of service.taskIds) tasks.push(sim.world.tasksById.get(id)!);
  return tasks;
}

/**
 * A task as the rolling update sees it. Tasks on a DRAINING instance count as old ones: the scheduler
 * replaces them within the deployment bounds (DG container instance draining).
 */
export function view(sim: Simulation, task: Task): ServiceTaskView {
  const draining = task.instance !== undefined && task.instance.status === 'DRAINING';
  return {
    id: task.id,
    deploymentId: draining ? 'draining' : task.deploymentId!,
    stopping: task.desiredStatus === 'STOPPED',
    healthy: task.lastStatus === 'RUNNING' && task.healthStatus === 'HEALTHY',
    starting: task.lastStatus !== 'RUNNING' && task.desiredStatus === 'RUNNING',
  };
}
