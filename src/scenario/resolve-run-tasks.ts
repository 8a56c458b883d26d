import { invalidFargateSize, isValidFargateSize } from '../model/fargate.js';
import { taskReservation, type TaskDefinition } from '../model/task-definition.js';
import { RUN_TASK_DEFAULT_STRATEGIES } from '../placement/defaults.js';
import type { StrategyItem } from '../capacity/strategy-split.js';
import { alibabaOpenbPods } from '../workload/alibaba-openb-trace.js';
import type { RunTaskArrivals } from '../workload/arrivals.js';
import { traceCalls } from '../workload/trace-replay.js';
import { findTaskDefinition } from './find-task-definition.js';
import { launchFits } from './launch-fits.js';
import { MAX_CONSTRAINTS } from './placement-schema.js';
import { readScenarioFile, type ReadFile } from './read-scenario-file.js';
import { isFargateProvider, resolveLaunch, type CapacityProviderSpec } from './resolve-capacity.js';
import type { RunTaskSourceSpec, ScenarioFile } from './scenario-schema.js';
import type { RunTaskSource } from './scenario-spec.js';
import type { ParseContext } from './schema/index.js';

/** The RunTask sources, names resolved: task definition revision, capacity provider strategy, overrides, trace calls. */
export function resolveRunTasks(
  file: ScenarioFile,
  taskDefinitions: TaskDefinition[],
  capacityProviders: CapacityProviderSpec[],
  ctx: ParseContext,
  readFile: ReadFile | undefined,
): RunTaskSource[] {
  return file.workload.runTasks.flatMap((source, i): RunTaskSource[] => {
    const path = `workload.runTasks[${i}]`;
    const td = findTaskDefinition(taskDefinitions, source.taskDefinition);
    if (!td) {
      const known = taskDefinitions.map((t) => t.key).join(', ') || 'none';
      ctx.error(`${path}.taskDefinition`, `unknown task definition "${source.taskDefinition}" (registered: ${known})`);
      return [];
    }
    const capacityProviderStrategy = resolveLaunch(source, path, file, capacityProviders, ctx);
    if (!launchFits(td, capacityProviderStrategy, source, path, ctx)) return [];
    const taskDefinitionSpec = file.taskDefinitions[taskDefinitions.indexOf(td)];
    const constraints = [...taskDefinitionSpec.placementConstraints, ...source.placementConstraints];
    if (constraints.length > MAX_CONSTRAINTS) {
      ctx.error(
        `${path}.placementConstraints`,
        `at most ${MAX_CONSTRAINTS} placement constraints per task, task definition and RunTask together; got ${constraints.length}`,
      );
    }
    const stopAt = source.stopAt ?? file.duration;
    if (stopAt < source.startAt) ctx.error(`${path}.stopAt`, `expected a time after startAt, got ${stopAt} ms < ${source.startAt} ms`);
    const { cpu, memory, taskRoleArn, executionRoleArn } = source.overrides;
    // RunTask's task-level cpu/memory overrides take the place of the task definition's (API TaskOverride).
    const reservation = taskReservation(cpu ?? td.taskCpuUnits, memory ?? td.taskMemoryMiB, td.containers);
    if ((cpu !== undefined || memory !== undefined) && onFargate(capacityProviderStrategy) && !isValidFargateSize(reservation.cpuUnits, reservation.memoryMiB)) {
      ctx.error(`${path}.overrides`, invalidFargateSize(reservation.cpuUnits, reservation.memoryMiB));
    }
    const arrivals = resolveArrivals(source, stopAt, path, ctx, readFile);
    if (!arrivals) return [];
    return [
      {
        name: source.name ?? `runTask-${i + 1}`,
        taskDefinition: td.key,
        count: source.count,
        group: source.group ?? `family:${td.family}`,
        startedBy: source.startedBy ?? source.name ?? `runTask-${i + 1}`,
        launchType: 'EC2',
        capacityProviderStrategy,
        overrides: { taskRoleArn, executionRoleArn, cpuUnits: cpu, memoryMiB: memory },
        reservation,
        strategies: source.placementStrategy ?? [...RUN_TASK_DEFAULT_STRATEGIES],
        constraints,
        arrivals,
        duration: source.duration,
        startAt: source.startAt,
        stopAt,
      },
    ];
  });
}

function onFargate(strategy: readonly StrategyItem[] | undefined): boolean {
  return strategy !== undefined && strategy.some((item) => isFargateProvider(item.capacityProvider));
}

/**
 * A source's arrivals; a trace is read and turned into calls here. A trace gives each task its size and
 * duration, so it takes no `duration` and one task per call; the other processes need a `duration`.
 */
function resolveArrivals(source: RunTaskSourceSpec, stopAt: number, path: string, ctx: ParseContext, readFile: ReadFile | undefined): RunTaskArrivals | undefined {
  const { arrivals } = source;
  if (arrivals.process !== 'trace') {
    if (source.duration === undefined) ctx.error(`${path}.duration`, 'required: how long each task runs once RUNNING (a duration such as "10m" or a distribution)');
    return arrivals;
  }
  let ok = true;
  if (source.duration !== undefined) {
    ctx.error(`${path}.duration`, 'a trace gives each task its own duration: remove duration, or use another arrivals process');
    ok = false;
  }
  if (source.count !== 1) {
    ctx.error(`${path}.count`, `a trace makes one RunTask call per pod, each for one task: expected count 1, got ${source.count}`);
    ok = false;
  }
  if (source.overrides.cpu !== undefined || source.overrides.memory !== undefined) {
    ctx.error(`${path}.overrides`, 'a trace sizes each task from its pod: remove overrides.cpu and overrides.memory');
    ok = false;
  }
  const text = readScenarioFile(arrivals.file, `${path}.arrivals.file`, ctx, readFile);
  if (text === undefined || !ok) return undefined;
  const pods = alibabaOpenbPods(text);
  if (!Array.isArray(pods)) {
    ctx.error(`${path}.arrivals.file`, `${arrivals.file} line ${pods.line}: ${pods.problem}`);
    return undefined;
  }
  const options = { ...arrivals, traceOffsetMs: arrivals.traceOffset, startAt: source.startAt, stopAt };
  return { process: 'trace', calls: traceCalls(pods, options) };
}
