import { logServiceAction } from './event-log.js';
import type { Simulation } from './simulation.js';

/**
 * Appends a service event in ECS's words. Like the console, a message identical to the service's
 * previous one is suppressed until something else was said or `eventSuppression` (6 hours) passed
 * (DG service event messages).
 */
export function serviceEvent(sim: Simulation, service: string, message: string): void {
  const { world, engine } = sim;
  const last = world.lastServiceEvent.get(service);
  if (last && last.message === message && engine.now - last.at < sim.spec.serviceKnobs.eventSuppression) return;
  world.serviceEvents.push({ at: engine.now, service, message });
  world.lastServiceEvent.set(service, { message, at: engine.now });
  logServiceAction(sim, service, message);
}

/**
 * A counted event ("registered 2 targets in ..."): at the same instant, for the same service and key,
 * the count of the previous event grows instead of a new line being written, as ECS reports batches.
 */
export function countedServiceEvent(sim: Simulation, service: string, key: string, render: (n: number) => string): void {
  const { world, engine } = sim;
  const last = world.serviceEvents.at(-1);
  if (last && last.at === engine.now && last.service === service && last.key === key) {
    last.count = (last.count ?? 1) + 1;
    last.message = render(last.count);
    world.lastServiceEvent.set(service, { message: last.message, at: engine.now });
    return;
  }
  world.serviceEvents.push({ at: engine.now, service, message: render(1), key, count: 1 });
  world.lastServiceEvent.set(service, { message: render(1), at: engine.now });
  logServiceAction(sim, service, render(1));
}

/** ECS's service event sentences (DG service event messages). */
export const say = {
  steadyState: (s: string) => `(service ${s}) has reached a steady state.`,
  startedTasks: (s: string, ids: string[]) => `(service ${s}) has started ${ids.length} task${ids.length === 1 ? '' : 's'}: ${ids.map((id) => `(task ${id})`).join(' ')}.`,
  stoppedTasks: (s: string, ids: string[]) => `(service ${s}) has stopped ${ids.length} running task${ids.length === 1 ? '' : 's'}: ${ids.map((id) => `(task ${id})`).join(' ')}.`,
  unableToPlace: (s: string, closest: string) =>
    `(service ${s}) was unable to place a task because no container instance met all of its requirements. ${closest} For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  noInstances: (s: string) =>
    `(service ${s}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  deploymentCompleted: (s: string, d: string) => `(service ${s}) (deployment ${d}) deployment completed.`,
  deploymentFailed: (s: string, d: string) => `(service ${s}) (deployment ${d}) deployment failed: tasks failed to start.`,
  rollingBack: (s: string, to: string) => `(service ${s}) rolling back to deployment ${to}.`,
  unableToStartConsistently: (s: string) => `(service ${s}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  registeredTargets: (s: string, n: number, arn: string) => `(service ${s}) registered ${n} targets in (target-group ${arn})`,
  deregisteredTargets: (s: string, n: number, arn: string) => `(service ${s}) deregistered ${n} targets in (target-group ${arn})`,
  unhealthyTarget: (s: string, target: string, port: number, arn: string) =>
    `(service ${s}) (instance ${target}) (port ${port}) is unhealthy in (target-group ${arn}) due to (reason Health checks failed).`,
  noFargateCapacity: (s: string) =>
    `(service ${s}) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.`,
  // ASSUMPTION: AWS documents no service event for the PROVISIONING quota; RunTask's words are used.
  provisioningLimit: (s: string) => `(service ${s}) was unable to place a task. Reason: Tasks provisioning capacity limit exceeded.`,
  deploymentStuck: (s: string) =>
    `(service ${s}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
};
