import type { TaskDefinition } from '../model/task-definition.js';
import { isFargateProvider } from './resolve-capacity.js';
import type { ParseContext } from './schema/index.js';

/**
 * The task definition must be compatible with where the tasks run (RunTask / CreateService: "Task
 * definition does not support launch_type ..."), and Fargate takes no placement strategies or
 * constraints (DG task placement).
 */
export function launchFits(
  td: TaskDefinition,
  strategy: { capacityProvider: string }[] | undefined,
  source: { placementStrategy?: unknown[]; placementConstraints: unknown[] },
  path: string,
  ctx: ParseContext,
): boolean {
  const fargate = strategy !== undefined && strategy.every((item) => isFargateProvider(item.capacityProvider));
  const launchType = fargate ? 'FARGATE' : 'EC2';
  if (td.requiresCompatibilities.length > 0 ? !td.requiresCompatibilities.includes(launchType) : fargate) {
    ctx.error(`${path}.launchType`, `Task definition does not support launch_type ${launchType}.`);
    return false;
  }
  if (fargate && ((source.placementStrategy?.length ?? 0) > 0 || source.placementConstraints.length > 0)) {
    ctx.error(path, 'Task placement strategies and constraints are not supported for tasks on Fargate.');
    return false;
  }
  return true;
}
