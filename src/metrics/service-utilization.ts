/**
 * Service CPUUtilization and MemoryUtilization as ECS computes them (DG Amazon ECS CloudWatch metrics):
 *
 *   CPUUtilization = CPU units used by the service's tasks x 100 / (task definition CPU units x tasks)
 *
 * and the same for memory, against the soft limit where one is set, else the hard limit. With
 * container-level shares and soft limits a task can use more than it reserved, so the figure can pass
 * 100%. `null` with no running task: no datapoint for the minute.
 */
export function serviceUtilization(usedByTasks: number, reservedPerTask: number, runningTasks: number): number | null {
  if (runningTasks === 0 || reservedPerTask === 0) return null;
  return (usedByTasks * 100) / (reservedPerTask * runningTasks);
}
