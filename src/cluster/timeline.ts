import { PHASE } from './events.js';
import { startDeployment } from './service-scheduler.js';
import { requestReconcile } from './reconcile-requests.js';
import { interruptSpotTasks } from './fargate.js';
import { azOutage, disconnectAgents, failInstances, interruptEc2Spot } from './faults.js';
import { startPipeline } from './pipeline.js';
import { registerScalableTarget } from './service-auto-scaling.js';
import type { Simulation } from './simulation.js';

/** Schedules every scripted action of the scenario's timeline. */
export function scheduleTimeline(sim: Simulation): void {
  sim.spec.timeline.forEach((action, index) => {
    if (action.at <= sim.spec.durationMs) sim.engine.at(action.at, PHASE.requests, { kind: 'TimelineActionDue', index });
  });
}

/**
 * UpdateService: a new task definition (or forceNewDeployment) starts a new deployment; a new desired
 * count alone changes what the PRIMARY deployment keeps running (DG deployment types, ECS).
 */
export function timelineActionDue(sim: Simulation, index: number): void {
  const action = sim.spec.timeline[index];
  if ('pushImage' in action) return startPipeline(sim, action.pushImage);
  if ('spotInterruption' in action) return interruptSpotTasks(sim, action.spotInterruption.fraction);
  if ('ec2SpotInterruption' in action) return interruptEc2Spot(sim, action.ec2SpotInterruption.capacityProvider, action.ec2SpotInterruption.fraction);
  if ('instanceFailure' in action) return failInstances(sim, action.instanceFailure.count, action.instanceFailure.availabilityZone);
  if ('agentDisconnect' in action) return disconnectAgents(sim, action.agentDisconnect.count, action.agentDisconnect.duration);
  if ('azOutage' in action) return azOutage(sim, action.azOutage.availabilityZone, action.azOutage.duration);
  if ('registerScalableTarget' in action) return registerScalableTarget(sim, action.registerScalableTarget);
  const { updateService } = action;
  const service = sim.world.services.get(updateService.service)!;
  if (updateService.desiredCount !== undefined) service.desiredCount = updateService.desiredCount;
  const current = service.deployments[0].taskDefinition;
  const taskDefinition = updateService.taskDefinition ?? current;
  if (taskDefinition !== current || updateService.forceNewDeployment) startDeployment(sim, service, taskDefinition);
  else requestReconcile(sim, service);
}
