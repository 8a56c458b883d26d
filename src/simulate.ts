import { buildWorld } from './cluster/build-world.js';
import { PHASE, type SimEvent } from './cluster/events.js';
import { makeHandlers } from './cluster/handlers.js';
import { scheduleNextArrival } from './cluster/run-task.js';
import { capacityTaskTransitioned } from './cluster/capacity.js';
import { fargateTaskTransitioned } from './cluster/fargate.js';
import { scheduleInstanceFailure, scheduleSpotNotice } from './cluster/faults.js';
import { createServices, serviceHealthCheckFailed, serviceTaskHealthy, serviceTaskTransitioned } from './cluster/service-scheduler.js';
import { instanceDrained } from './cluster/service-steadiness.js';
import { reconcileAll } from './cluster/reconcile-requests.js';
import { forkStreams, type Simulation } from './cluster/simulation.js';
import { scheduleTimeline } from './cluster/timeline.js';
import { logContainerInstanceStateChange, type LogRecord } from './cluster/event-log.js';
import { assertInvariants } from './checks/invariants.js';
import { Engine } from './engine/engine.js';
import type { Millis } from './engine/time.js';
import { buildResults, type TaskRecords } from './results/build-results.js';
import type { Results } from './results/results.js';
import { newSeriesRecorder, samplePeriodMs } from './results/series-recorder.js';
import { newPlacementState } from './placement/placement-state.js';
import type { ScenarioSpec } from './scenario/scenario-spec.js';
import type { World } from './model/world.js';
import { startServiceMetrics } from './cluster/service-auto-scaling.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's duration. */
  until?: Millis;
  /** Check every invariant after every event (slow; for tests and `--check`). */
  check?: boolean;
  /**
   * Check every invariant after every Nth event and at the end instead (`--check-every N`): a check
   * reads the whole world, so on a large cluster checking after every event would take days.
   */
  checkEvery?: number;
  /** Stop with SimulationStopped after this many events. */
  maxEvents?: number;
  /** Receives the event log (EventBridge-shaped ECS events) in time order; without it no log is built. */
  onLogRecord?: (record: LogRecord) => void;
  /** A probe called after every event with the world (read-only use: tests and tools that watch a run). */
  afterEvent?: (world: World, now: Millis) => void;
  /** Called about a hundred times during the run with the simulated time reached. */
  onProgress?: (now: Millis, durationMs: Millis) => void;
  /** `summary` leaves the per-task records out of Results (large runs, sweeps); default `full`. */
  taskRecords?: TaskRecords;
}

/** The run hit its `maxEvents` guard before the end of the scenario. */
export class SimulationStopped extends Error {
  constructor(readonly eventsFired: number, readonly at: Millis) {
    super(`stopped after ${eventsFired} events (the --max-events limit) at simulated time ${at} ms`);
    this.name = 'SimulationStopped';
  }
}

/** Plays a scenario forward and returns its Results. Same spec and seed, same Results, byte for byte. */
export function simulate(spec: ScenarioSpec, options: SimulateOptions = {}): Results {
  const seed = options.seed ?? spec.seed;
  const durationMs = options.until ?? spec.durationMs;
  const runSpec = durationMs === spec.durationMs ? spec : { ...spec, durationMs };
  const engine = new Engine<SimEvent>();
  const world = buildWorld(runSpec);
  const sim: Simulation = {
    spec: runSpec,
    retireStoppedTasks: options.taskRecords === 'summary',
    retiredInList: 0,
    world,
    placement: newPlacementState(world.instances, { startEpochMs: runSpec.startEpochMs }),
    taskDefinitionConstraints: new Map(Object.entries(runSpec.taskDefinitionConstraints)),
    waitingRequests: new Map(),
    log: options.onLogRecord,
    logCount: 0,
    engine,
    random: forkStreams(seed, runSpec),
    series: newSeriesRecorder(samplePeriodMs(durationMs, runSpec.resultsKnobs.maxSamples), runSpec.resultsKnobs.instanceSeriesLimit),
    arrivals: runSpec.runTasks.map(() => ({ callsMade: 0, lastAt: undefined })),
    observers: {
      taskTransitioned: (task, from, to) => {
        serviceTaskTransitioned(sim, task, from, to);
        capacityTaskTransitioned(sim, task, to);
        fargateTaskTransitioned(sim, task, to);
      },
      instanceRegistered: () => reconcileAll(sim),
      instanceDraining: (instance) => {
        instanceDrained(sim, instance);
        reconcileAll(sim);
      },
      taskHealthy: (task) => serviceTaskHealthy(sim, task),
      healthCheckFailed: (service, task) => serviceHealthCheckFailed(sim, service, task),
    },
  };
  engine.setHandlers(makeHandlers(sim));
  for (const instance of world.instances) {
    logContainerInstanceStateChange(sim, instance);
    scheduleInstanceFailure(sim, instance);
    scheduleSpotNotice(sim, instance);
  }
  engine.at(0, PHASE.sample, { kind: 'SeriesSampleDue' });
  runSpec.runTasks.forEach((_, i) => scheduleNextArrival(sim, i));
  createServices(sim);
  startServiceMetrics(sim);
  scheduleTimeline(sim);
  if (world.capacityProviders.size > 0) engine.at(0, PHASE.metrics, { kind: 'CapacityMetricsDue' });

  const { afterEvent } = options;
  const every = options.check ? 1 : options.checkEvery;
  // (A batch event counts as several: the check comes once `every` more have fired, not at exact multiples.)
  let checkedAt = 0;
  const check = () => {
    checkedAt = engine.eventsFired;
    assertInvariants(sim.world, engine.now, sim.placement.index.live);
  };
  const afterEach =
    every !== undefined || afterEvent
      ? () => {
          if (every !== undefined && engine.eventsFired - checkedAt >= every) check();
          afterEvent?.(sim.world, engine.now);
        }
      : undefined;
  const slices = options.onProgress ? 100 : 1;
  for (let i = 1; i <= slices; i++) {
    const until = i === slices ? durationMs : Math.floor((durationMs * i) / slices);
    const outcome = engine.run({ until, maxEvents: options.maxEvents, afterEach });
    if (outcome.stoppedBy === 'max-events') throw new SimulationStopped(outcome.eventsFired, outcome.now);
    options.onProgress?.(engine.now, durationMs);
  }
  if (every !== undefined) check();
  return buildResults(runSpec, seed, durationMs, sim.world, sim.series, engine.eventsFired, options.taskRecords);
}
