import type { Handlers } from '../engine/engine.js';
import { sampleSeries } from '../results/series-recorder.js';
import type { SimEvent } from './events.js';
import { PHASE } from './events.js';
import { runTaskRequested } from './run-task.js';
import type { Simulation } from './simulation.js';
import { essentialContainerExited, transitionTask } from './task-lifecycle.js';
import { targetHealthDue } from './load-balancing.js';
import { reconcileService } from './service-scheduler.js';
import { containerHealthDue, taskHealthDue } from './task-health.js';
import { capacityMetricsDue, drainingTimeoutDue, instanceRegistrationDue, provisioningTimeoutDue } from './capacity.js';
import { spotInterruptionDue } from './fargate.js';
import { agentReconnectDue, azOutageEnds, instanceFailureDue, spotNoticeDue, spotTerminationDue } from './faults.js';
import { pipelineStageDone } from './pipeline.js';
import { timelineActionDue } from './timeline.js';
import { scheduledActionDue, serviceMetricsDue } from './service-auto-scaling.js';

/** The handler of every event kind; a kind without a handler does not compile. */
export function makeHandlers(sim: Simulation): Handlers<SimEvent> {
  const task = (id: string) => sim.world.tasksById.get(id)!;
  return {
    RunTaskRequested: (event) => runTaskRequested(sim, event.source),
    TaskTransitionDue: (event) => transitionTask(sim, task(event.taskId), event.to),
    EssentialContainerExited: (event) => essentialContainerExited(sim, task(event.taskId)),
    SeriesSampleDue: () => {
      sampleSeries(sim.series, sim.world, sim.engine.now);
      const next = sim.engine.now + sim.series.periodMs;
      if (next <= sim.spec.durationMs) sim.engine.at(next, PHASE.sample, { kind: 'SeriesSampleDue' });
    },
    ServiceReconcileDue: (event) => reconcileService(sim, sim.world.services.get(event.service)!),
    TaskHealthDue: (event) => taskHealthDue(sim, task(event.taskId)),
    TargetHealthDue: (event) => targetHealthDue(sim, task(event.taskId), event.targetGroup),
    ContainerHealthDue: (event) => containerHealthDue(sim, task(event.taskId)),
    TimelineActionDue: (event) => timelineActionDue(sim, event.index),
    PipelineStageDone: (event) => pipelineStageDone(sim, event.pipeline),
    InstanceRegistrationDue: (event) => instanceRegistrationDue(sim, event.provider, event.launchId),
    CapacityMetricsDue: () => capacityMetricsDue(sim),
    ServiceMetricsDue: () => serviceMetricsDue(sim),
    ScheduledActionDue: (event) => scheduledActionDue(sim, event.service, event.action),
    ProvisioningTimeoutDue: (event) => provisioningTimeoutDue(sim, task(event.taskId)),
    SpotInterruptionDue: (event) => spotInterruptionDue(sim, task(event.taskId)),
    InstanceFailureDue: (event) => instanceFailureDue(sim, sim.world.instancesById.get(event.instanceId)!),
    AgentReconnectDue: (event) => agentReconnectDue(sim, sim.world.instancesById.get(event.instanceId)!),
    AzOutageEnds: (event) => azOutageEnds(sim, event.availabilityZone),
    SpotNoticeDue: (event) => spotNoticeDue(sim, sim.world.instancesById.get(event.instanceId)!),
    SpotTerminationDue: (event) => spotTerminationDue(sim, sim.world.instancesById.get(event.instanceId)!),
    DrainingTimeoutDue: (event) => drainingTimeoutDue(sim, sim.world.instancesById.get(event.instanceId)!),
  } satisfies Handlers<SimEvent>;
}
