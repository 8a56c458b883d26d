import type { Distribution } from '../engine/distributions.js';
import type { Millis } from '../engine/time.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { Problem } from './schema/index.js';
import type { ArrivalsSpec, ContainerInstanceGroupSpec, StateDurationsSpec } from './scenario-schema.js';

/** A validated scenario with every name resolved: what `simulate()` runs. */
export interface ScenarioSpec {
  name: string;
  description?: string;
  seed: number;
  durationMs: Millis;
  region: string;
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
  arrivals: ArrivalsSpec;
  duration: Distribution;
  startAt: Millis;
  stopAt: Millis;
}
