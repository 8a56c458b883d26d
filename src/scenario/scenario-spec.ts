import type { Distribution } from '../engine/distributions.js';
import type { Millis } from '../engine/time.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { PlacementConstraint, PlacementStrategy } from '../placement/placement-request.js';
import type { Problem } from './schema/index.js';
import type { ArrivalsSpec, ContainerInstanceGroupSpec, StateDurationsSpec } from './scenario-schema.js';

/** A validated scenario with every name resolved: what `simulate()` runs. */
export interface ScenarioSpec {
  name: string;
  description?: string;
  seed: number;
  durationMs: Millis;
  region: string;
  /** Epoch ms of simulated time 0 (registeredAt in memberOf expressions compares against dates). */
  startEpochMs: number;
  cluster: {
    clusterName: string;
    availabilityZones: string[];
    containerInstances: (ContainerInstanceGroupSpec & { availabilityZone: string | undefined })[];
  };
  /** Every registered revision, in registration order. */
  taskDefinitions: TaskDefinition[];
  runTasks: RunTaskSource[];
  taskStateDurations: StateDurationsSpec;
  /** Fields accepted but not simulated (unknown AWS fields). */
  notes: Problem[];
}

export interface RunTaskSource {
  name: string;
  /** `family:revision` of the task definition it runs. */
  taskDefinition: string;
  count: number;
  group: string;
  startedBy: string;
  launchType: 'EC2';
  /** RunTask's placementStrategy; without one, RunTask places at random (ASSUMPTION, docs/fidelity.md). */
  strategies: PlacementStrategy[];
  /** The task definition's memberOf constraints, then RunTask's placementConstraints. */
  constraints: PlacementConstraint[];
  arrivals: ArrivalsSpec;
  duration: Distribution;
  startAt: Millis;
  stopAt: Millis;
}
