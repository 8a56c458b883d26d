import type { Task } from '../model/task.js';
import type { Handlers } from '../engine/engine.js';
import { sampleSeries } from '../results/series-recorder.js';
import type { SimEvent } from './events.js';
import { PHASE } from './events.js';
import { runTaskRequested } from './run-task.js';
import type { Simulation } from './simulation.js';
import { essentialContainerExited, transitionTask } from './task-lifecycle.js';
import { targetHealthDue } from './load-balancing.js';
import { reconcileService } from './service-scheduler.js';
import { reconcileBatch } from './reconcile-requests.js';
import { containerHealthDue, taskHealthDue } from './task-health.js';
import { capacityMetricsDue, drainingTimeoutDue, instanceRegistrationDue, provisioningTimeoutDue } from './capacity.js';
import { spotInterruptionDue } from './fargate.js';
import { agentReconnectDue, azOutageEnds, instanceFailureDue, spotNoticeDue, spotTerminationDue } from './faults.js';
import { pipelineStageDone } from './pipeline.js';
import { timelineActionDue } from './timeline.js';
import { scheduledActionDue, serviceMetricsDue } from './service-auto-scaling.js';

/** The handler of every event kind; a kind without a handler does not compile. */
export function makeHandlers(sim: Simulation): Handlers<SimEvent> {
  // A summary run lets STOPPED tasks go: an event still queued for one finds nothing to do.
  // (The handler is made once here, not a closure per event: a week of a large cluster fires millions.)
  const onTask =
    <E extends { taskId: string }>(act: (task: Task, event: E) => void) =>
    (event: E) => {
      const found = sim.world.tasksById.get(event.taskId);
      if (found) act(found, event);
    };
  return {
    RunTaskRequested: (event) => runTaskRequested(sim, event.source),
    TaskTransitionDue: onTask((task, event) => transitionTask(sim, task, event.to)),
    EssentialContainerExited: onTask((task) => essentialContainerExited(sim, task)),
    SeriesSampleDue: () => {
      sampleSeries(sim.series, sim.world, sim.placement.index.live, sim.engine.now);
      const next = sim.engine.now + sim.series.periodMs;
      if (next <= sim.spec.durationMs) sim.engine.at(next, PHASE.sample, { kind: 'SeriesSampleDue' });
    },
    ServiceReconcileDue: (event) => reconcileService(sim, sim.world.services.get(event.service)!),
    ServicesReconcileDue: (event) => reconcileBatch(sim, event, (service) => reconcileService(sim, service)),
    TaskHealthDue: onTask((task) => taskHealthDue(sim, task)),
    TargetHealthDue: onTask((task, event) => targetHealthDue(sim, task, event.targetGroup)),
    ContainerHealthDue: onTask((task) => containerHealthDue(sim, task)),
    TimelineActionDue: (event) => timelineActionDue(sim, event.index),
    PipelineStageDone: (event) => pipelineStageDone(sim, event.pipeline),
    InstanceRegistrationDue: (event) => instanceRegistrationDue(sim, event.provider, event.launchId),
    CapacityMetricsDue: () => capacityMetricsDue(sim),
    ServiceMetricsDue: () => serviceMetricsDue(sim),
    ScheduledActionDue: (event) => scheduledActionDue(sim, event.service, event.action),
    ProvisioningTimeoutDue: onTask((task) => provisioningTimeoutDue(sim, task)),
    SpotInterruptionDue: onTask((task) => spotInterruptionDue(sim, task)),
    InstanceFailureDue: (event) => instanceFailureDue(sim, sim.world.instancesById.get(event.instanceId)!),
    AgentReconnectDue: (event) => agentReconnectDue(sim, sim.world.instancesById.get(event.instanceId)!),
    AzOutageEnds: (event) => azOutageEnds(sim, event.availabilityZone),
    SpotNoticeDue: (event) => spotNoticeDue(sim, sim.world.instancesById.get(event.instanceId)!),
    SpotTerminationDue: (event) => spotTerminationDue(sim, sim.world.instancesById.get(event.instanceId)!),
    DrainingTimeoutDue: (event) => drainingTimeoutDue(sim, sim.world.instancesById.get(event.instanceId)!),
  } satisfies Handlers<SimEvent>;
}
