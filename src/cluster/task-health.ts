import { countServiceTask } from '../model/service-task-counts.js';
import type { Task } from '../model/task.js';
import { PHASE, type SimEvent } from './events.js';
import type { Simulation } from './simulation.js';
import { serviceOf, stopTask } from './task-lifecycle.js';

/**
 * When a service task counts as healthy for the deployment's minimum healthy percent (DG service
 * definition parameters): with a load balancer, when every target group reports it healthy; with a
 * container health check, when that passes (both, if it has both); with neither, a fixed time
 * (`healthyAfterRunning`, 40 s) after RUNNING.
 */
export function taskRunning(sim: Simulation, task: Task): void {
  const check = containerHealthCheck(sim, task);
  if (check) {
    task.healthChecksPending++;
    // Docker runs the first check one interval after the start period; failures need `retries` in a row.
    const delay = task.failsHealthChecks ? check.startPeriodMs + check.retries * check.intervalMs : check.startPeriodMs + check.intervalMs;
    sim.engine.after(delay, PHASE.lifecycle, { kind: 'ContainerHealthDue', taskId: task.id });
  }
  if (task.healthChecksPending === 0) {
    sim.engine.after(sim.spec.serviceKnobs.healthyAfterRunning, PHASE.lifecycle, { kind: 'TaskHealthDue', taskId: task.id });
  }
}

/** One of the task's health checks passed: when none is left, the task is healthy. */
export function healthCheckPassed(sim: Simulation, task: Task): void {
  task.healthChecksPending--;
  if (task.healthChecksPending === 0 && task.lastStatus === 'RUNNING') markHealthy(sim, task);
}

/** The grace rule: a task with no health checks is healthy a fixed time after RUNNING. */
export function taskHealthDue(sim: Simulation, task: Task): void {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING' || task.healthChecksPending > 0) return;
  markHealthy(sim, task);
}

export function containerHealthDue(sim: Simulation, task: Task): void {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  if (!task.failsHealthChecks) return healthCheckPassed(sim, task);
  failHealthCheck(sim, task, 'Task failed container health checks', { kind: 'ContainerHealthDue', taskId: task.id });
}

/**
 * A health check failed for good. Within the service's health check grace period ECS ignores it
 * (DG: healthCheckGracePeriodSeconds) and looks again when the period ends; after it, the task is
 * stopped and replaced, and a deployment's circuit breaker counts it.
 */
export function failHealthCheck(sim: Simulation, task: Task, reason: string, recheck: SimEvent): void {
  const service = sim.world.services.get(task.serviceName!);
  const graceEnds = (task.startedAt ?? sim.engine.now) + (service?.healthCheckGracePeriodMs ?? 0);
  if (sim.engine.now < graceEnds) {
    sim.engine.at(graceEnds, PHASE.lifecycle, recheck);
    return;
  }
  setHealth(sim, task, 'UNHEALTHY');
  stopTask(sim, task, 'ServiceSchedulerInitiated', reason);
  if (service) sim.observers.healthCheckFailed(service, task);
}

function markHealthy(sim: Simulation, task: Task): void {
  setHealth(sim, task, 'HEALTHY');
  task.healthyAt = sim.engine.now;
  sim.observers.taskHealthy(task);
}

function containerHealthCheck(sim: Simulation, task: Task) {
  const td = sim.world.taskDefinitions.get(task.taskDefinition)!;
  return td.containers.find((c) => c.essential && c.healthCheck)?.healthCheck;
}

/** Changes a task's health, keeping its service's counts. */
function setHealth(sim: Simulation, task: Task, health: 'HEALTHY' | 'UNHEALTHY'): void {
  const service = serviceOf(sim, task);
  if (service) {
    countServiceTask(service.counts, task, -1);
    service.version++;
  }
  task.healthStatus = health;
  if (service) countServiceTask(service.counts, task, 1);
}
