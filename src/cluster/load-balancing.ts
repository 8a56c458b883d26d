import type { Service } from '../model/service.js';
import type { Task } from '../model/task.js';
import { PHASE } from './events.js';
import { countedServiceEvent, say, serviceEvent } from './service-events.js';
import type { Simulation } from './simulation.js';
import { failHealthCheck, healthCheckPassed } from './task-health.js';

/**
 * Registers a service task with its target groups as it enters ACTIVATING (DG task lifecycle): the
 * instance and host port (instance targets: bridge or host mode) or the task's own ENI (ip targets:
 * awsvpc). The target starts `initial`; its health checks decide one interval later (healthy) or
 * after UnhealthyThresholdCount intervals (unhealthy) (ELB target group health checks).
 */
export function registerTargets(sim: Simulation, service: Service, task: Task): void {
  const spec = sim.spec.services.find((s) => s.name === service.name)!;
  for (const lb of spec.loadBalancers) {
    const group = sim.world.targetGroups.get(lb.targetGroup)!;
    const binding = task.claim!.bindings.find((b) => b.containerName === lb.containerName && b.containerPort === lb.containerPort);
    const ip = group.targetType === 'ip';
    group.targets.set(task.id, {
      taskId: task.id,
      id: ip ? task.id : task.containerInstanceId!,
      port: ip || !binding ? lb.containerPort : binding.hostPort,
      state: 'initial',
      registeredAt: sim.engine.now,
    });
    task.targetGroups.push(group.name);
    task.deregistrationDelayMs = Math.max(task.deregistrationDelayMs, group.deregistrationDelayMs);
    task.healthChecksPending++;
    const { intervalMs, unhealthyThreshold } = group.healthCheck;
    sim.engine.after(task.failsHealthChecks ? intervalMs * unhealthyThreshold : intervalMs, PHASE.lifecycle, {
      kind: 'TargetHealthDue',
      taskId: task.id,
      targetGroup: group.name,
    });
    countedServiceEvent(sim, service.name, `register ${group.arn}`, (n) => say.registeredTargets(service.name, n, group.arn));
  }
}

export function targetHealthDue(sim: Simulation, task: Task, targetGroup: string): void {
  const group = sim.world.targetGroups.get(targetGroup)!;
  const target = group.targets.get(task.id);
  if (!target || target.state === 'draining' || task.desiredStatus !== 'RUNNING') return;
  if (!task.failsHealthChecks) {
    if (target.state === 'initial') {
      target.state = 'healthy';
      healthCheckPassed(sim, task);
    }
    return;
  }
  if (target.state !== 'unhealthy') {
    target.state = 'unhealthy';
    serviceEvent(sim, task.serviceName!, say.unhealthyTarget(task.serviceName!, target.id, target.port, group.arn));
  }
  failHealthCheck(sim, task, `Task failed ELB health checks in (target-group ${group.arn})`, { kind: 'TargetHealthDue', taskId: task.id, targetGroup });
}

/** A stopping task's targets start draining: no new requests, in-flight ones finish (the deregistration delay). */
export function deregisterTargets(sim: Simulation, task: Task): void {
  const service = task.serviceName!;
  for (const name of task.targetGroups) {
    const group = sim.world.targetGroups.get(name)!;
    const target = group.targets.get(task.id);
    if (!target || target.state === 'draining') continue;
    target.state = 'draining';
    countedServiceEvent(sim, service, `deregister ${group.arn}`, (n) => say.deregisteredTargets(service, n, group.arn));
  }
}

/** The deregistration is complete: the targets leave their groups. */
export function removeTargets(sim: Simulation, task: Task): void {
  for (const name of task.targetGroups) sim.world.targetGroups.get(name)!.targets.delete(task.id);
  task.targetGroups = [];
}
