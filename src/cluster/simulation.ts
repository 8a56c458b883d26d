import type { Engine } from '../engine/engine.js';
import { RandomStream } from '../engine/random.js';
import type { Millis } from '../engine/time.js';
import type { ContainerInstance } from '../model/container-instance.js';
import type { Service } from '../model/service.js';
import type { Task, TaskStatus } from '../model/task.js';
import type { World } from '../model/world.js';
import type { PlacementConstraint, PlacementRequest } from '../placement/placement-request.js';
import type { PlacementState } from '../placement/placement-state.js';
import type { SeriesRecorder } from '../results/series-recorder.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import type { LogRecord } from './event-log.js';
import type { SimEvent } from './events.js';

/** Everything a handler may touch: the spec, the world, the engine, the random streams, the recorder. */
export interface Simulation {
  spec: ScenarioSpec;
  /** Summary runs let STOPPED tasks go (see retireTask); this many retired tasks are still in world.tasks. */
  retireStoppedTasks: boolean;
  retiredInList: number;
  world: World;
  /** Placement's indexes over the world's instances. */
  placement: PlacementState;
  /** What each task waiting for capacity asks of an instance. */
  waitingRequests: Map<string, PlacementRequest>;
  /** Each task definition revision's memberOf constraints, parsed (revisions registered during the run join). */
  taskDefinitionConstraints: Map<string, PlacementConstraint[]>;
  engine: Engine<SimEvent>;
  random: SimulationRandom;
  series: SeriesRecorder;
  /** Per RunTask source: calls made so far and when the last one was. */
  arrivals: { callsMade: number; lastAt: Millis | undefined }[];
  /** Where event log records go (only when the caller asked for the log), and how many were written. */
  log?: (record: LogRecord) => void;
  logCount: number;
  /** Who hears of task state changes and health (the service scheduler), wired once in simulate(). */
  observers: {
    taskTransitioned: (task: Task, from: TaskStatus, to: TaskStatus) => void;
    taskHealthy: (task: Task) => void;
    healthCheckFailed: (service: Service, task: Task) => void;
    instanceRegistered: (instance: ContainerInstance) => void;
    instanceDraining: (instance: ContainerInstance) => void;
  };
}

/** One stream per subsystem and per source, forked by name, so none shifts another. */
export interface SimulationRandom {
  arrivals: RandomStream[];
  runDurations: RandomStream[];
  lifecycle: RandomStream;
  placement: RandomStream;
  /** Service tasks: whether each fails to start, how long it runs, scale-in victims. */
  services: RandomStream;
  /** Image pull failures. */
  images: RandomStream;
  /** CI/CD pipeline stage durations. */
  pipelines: RandomStream;
  /** Instance launch and registration times. */
  capacity: RandomStream;
  /** Spot interruptions. */
  spot: RandomStream;
  /** Which instances fail, and when. */
  faults: RandomStream;
}

export function forkStreams(seed: number, spec: ScenarioSpec): SimulationRandom {
  const root = new RandomStream(seed);
  return {
    arrivals: spec.runTasks.map((s) => root.fork(`arrivals/${s.name}`)),
    runDurations: spec.runTasks.map((s) => root.fork(`run-duration/${s.name}`)),
    lifecycle: root.fork('lifecycle'),
    placement: root.fork('placement'),
    services: root.fork('services'),
    images: root.fork('images'),
    pipelines: root.fork('pipelines'),
    capacity: root.fork('capacity'),
    spot: root.fork('spot'),
    faults: root.fork('faults'),
  };
}
