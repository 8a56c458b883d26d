import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import { problems, scenarioObject, spec } from '../builders.js';

const HEADER = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time';
const job = (cpu: number, memory: number) => ({ family: 'job', cpu: String(cpu), memory: String(memory), containerDefinitions: [{ name: 'job', image: 'x' }] });
const oneCall = (extra: Record<string, unknown> = {}) => ({ name: 'once', taskDefinition: 'job', arrivals: { process: 'explicit', at: ['1m'] }, duration: '10m', ...extra });
const onM5Large = (runTask: Record<string, unknown>, td = job(512, 512)) =>
  scenarioObject({ cluster: { availabilityZones: ['us-east-1a'], containerInstances: [{ instanceType: 'm5.large' }] }, taskDefinitions: [td], workload: { runTasks: [runTask] } });
const run = (value: object) => simulate(spec(value), { check: true });

describe("RunTask's task-level cpu and memory overrides set what placement reserves", () => {
  // An m5.large registers 2048 CPU units.
  it('a task that fits with its task definition fails RESOURCE:CPU when the override asks for more than the instance has', () => {
    expect(run(onM5Large(oneCall())).tasks).toHaveLength(1);
    const r = run(onM5Large(oneCall({ overrides: { cpu: '4 vCPU' } })));
    expect(r.tasks).toEqual([]);
    expect(r.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:CPU']);
  });

  it('a task whose task definition fits nowhere fits with a smaller override, and reserves the override', () => {
    expect(run(onM5Large(oneCall(), job(4096, 512))).runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:CPU']);
    const r = run(onM5Large(oneCall({ overrides: { cpu: '1024', memory: '1 GB' } }), job(4096, 512)));
    expect(r.runTaskFailures).toEqual([]);
    expect(r.tasks.map((t) => [t.cpuUnits, t.memoryMiB])).toEqual([[1024, 1024]]);
    // The override holds on the instance while the task runs: CPUReservation 1024 / 2048 = 50%.
    expect(r.summary.cpuReservation.max).toBe(50);
  });

  it('the overridden size is held until the task stops, so a second call fits only after the first is gone', () => {
    const r = run(onM5Large(oneCall({ arrivals: { process: 'explicit', at: ['1m', '2m', '20m'] }, overrides: { cpu: '1536' } })));
    expect(r.tasks.map((t) => t.createdAt)).toEqual([60_000, 1_200_000]);
    expect(r.runTaskFailures.map((f) => [f.at, f.reason])).toEqual([[120_000, 'RESOURCE:CPU']]);
  });

  it('overrides out of the task-level range are rejected where they are written', () => {
    expect(problems(onM5Large(oneCall({ overrides: { cpu: '64' } })))).toEqual([
      'workload.runTasks[0].overrides.cpu: expected CPU units from 128 to 196608 ("256", "1 vCPU", ...), got "64"',
    ]);
  });

  it('on Fargate the overridden size must be a Fargate size', () => {
    const fargate = (overrides: object) =>
      scenarioObject({
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: ['FARGATE'] },
        taskDefinitions: [{ ...job(256, 512), networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] }],
        workload: { runTasks: [oneCall({ launchType: 'FARGATE', overrides })] },
      });
    expect(problems(fargate({ cpu: '1024', memory: '1024' }))).toEqual([
      'workload.runTasks[0].overrides: No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon ECS documentation for the valid values.',
    ]);
    expect(run(fargate({ cpu: '1024', memory: '2048' })).tasks.map((t) => [t.launchType, t.cpuUnits, t.memoryMiB])).toEqual([['FARGATE', 1024, 2048]]);
  });
});

describe('a RunTask source replaying a pod trace', () => {
  const pods = (...rows: string[]) => [HEADER, ...rows].join('\n');
  const traceScenario = (arrivals: Record<string, unknown>, source: Record<string, unknown> = {}, scenario: Record<string, unknown> = {}) =>
    scenarioObject({
      cluster: { availabilityZones: ['us-east-1a'], containerInstances: [{ instanceType: 'm5.xlarge' }] },
      taskDefinitions: [{ family: 'pod', containerDefinitions: [{ name: 'pod', image: 'x', memory: 128 }] }],
      workload: { runTasks: [{ name: 'trace', taskDefinition: 'pod', arrivals: { process: 'trace', file: 'pods.csv', ...arrivals }, ...source }] },
      ...scenario,
    });
  const load = (value: object, csv: string) => parseScenario(value, { readFile: (path) => (path === 'pods.csv' ? csv : (() => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); })()) });
  const runTrace = (value: object, csv: string) => {
    const loaded = load(value, csv);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return simulate(loaded.spec, { check: true });
  };

  it('timeScale 60: the pod created at 600 s is called at 10 s, sized by the pod, and runs 1/60 of its life once RUNNING', () => {
    const r = runTrace(traceScenario({ timeScale: 60 }), pods('p0,2000,4096,0,0,,LS,Running,600,4200,601'));
    const [task] = r.tasks;
    expect(task).toMatchObject({ createdAt: 10_000, cpuUnits: 2048, memoryMiB: 4096, stopCode: 'EssentialContainerExited' });
    expect(task.stoppingAt! - task.startedAt!).toBe(60_000);
  });

  it('a pod bigger than any instance is a RunTask failure, as RunTask reports it; the others are placed', () => {
    // An m5.xlarge registers 4096 CPU units and about 15.7 GiB.
    const r = runTrace(traceScenario({}), pods('big,1000,65536,0,0,,LS,Running,0,100,0', 'small,1000,1024,0,0,,LS,Running,1,100,1'));
    expect(r.runTaskFailures.map((f) => [f.at, f.reason])).toEqual([[0, 'RESOURCE:MEMORY']]);
    expect(r.tasks.map((t) => t.createdAt)).toEqual([1_000]);
  });

  it('GPU pods are left out unless gpuPods is ignore-gpu', () => {
    const csv = pods('gpu,1000,1024,1,500,,LS,Running,0,100,0', 'cpu,1000,1024,0,0,,LS,Running,1,100,1');
    expect(runTrace(traceScenario({}), csv).tasks.map((t) => t.createdAt)).toEqual([1_000]);
    expect(runTrace(traceScenario({ gpuPods: 'ignore-gpu' }), csv).tasks.map((t) => t.createdAt)).toEqual([0, 1_000]);
  });

  it('on Fargate a pod is rounded up to the smallest Fargate size; one too big for any is refused', () => {
    const fargate = traceScenario(
      {},
      { launchType: 'FARGATE' },
      {
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: ['FARGATE'] },
        taskDefinitions: [{ family: 'pod', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'pod', image: 'x' }] }],
      },
    );
    const r = runTrace(fargate, pods('p,1000,3000,0,0,,LS,Running,0,100,0', 'huge,32000,8192,0,0,,LS,Running,1,100,1'));
    // 1000 milli-cores = 1024 units with 3000 MiB -> 1 vCPU / 3 GB; 32 cores exceeds Fargate's 16 vCPU.
    expect(r.tasks.map((t) => [t.cpuUnits, t.memoryMiB])).toEqual([[1024, 3072]]);
    expect(r.runTaskFailures.map((f) => [f.reason, f.message])).toEqual([
      ['ClientException', 'No Fargate configuration exists for given values: 32768 CPU, 8192 memory. See the Amazon ECS documentation for the valid values.'],
    ]);
  });

  it("with managed scaling, waiting pods are estimated by their own size: three 40 GiB pods need three instances", () => {
    const asg = {
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: [
          {
            name: 'batch',
            autoScalingGroupProvider: { managedScaling: { status: 'ENABLED', targetCapacity: 100, maximumScalingStepSize: 10 }, managedTerminationProtection: 'DISABLED' },
            autoScalingGroup: { instanceType: 'r5.2xlarge', minSize: 0, maxSize: 4, desiredCapacity: 0 },
          },
        ],
        defaultCapacityProviderStrategy: [{ capacityProvider: 'batch', weight: 1 }],
      },
    };
    // 40 GiB fits an r5.2xlarge (64 GiB) once; the task definition's 128 MiB would fit all three on one.
    const pod = (name: string) => `${name},4000,40960,0,0,,LS,Running,0,1800,0`;
    const r = runTrace(traceScenario({}, {}, asg), pods(pod('a'), pod('b'), pod('c')));
    expect(r.runTaskFailures).toEqual([]);
    expect(r.scalingActivities[0]).toMatchObject({ capacityProvider: 'batch', from: 0, to: 3 });
    expect(new Set(r.tasks.map((t) => t.containerInstanceId)).size).toBe(3);
    expect(r.tasks.every((t) => t.cpuUnits === 4096 && t.memoryMiB === 40_960 && t.waitForCapacityMs > 0)).toBe(true);
  });

  describe('bad input names the path and what was expected', () => {
    const errors = (value: object, csv = pods('p,1000,1024,0,0,,LS,Running,0,100,0')) => {
      const loaded = load(value, csv);
      return loaded.ok ? [] : loaded.errors.map((e) => `${e.path}: ${e.message}`);
    };
    it('a missing file', () => {
      expect(errors(traceScenario({ file: 'missing.csv' }))).toEqual(['workload.runTasks[0].arrivals.file: cannot read "missing.csv" (no such file)']);
    });
    it('a bad row, by its line', () => {
      expect(errors(traceScenario({}), pods('p,1000,1024,0,0,,LS,Running,0,100,0', 'q,1000,1024,0,0,,LS,Running,soon,100,0'))).toEqual([
        'workload.runTasks[0].arrivals.file: pods.csv line 3: expected creation_time to be seconds >= 0, got "soon"',
      ]);
    });
    it('a timeScale that is not a positive number', () => {
      expect(errors(traceScenario({ timeScale: 0 }))).toEqual(['workload.runTasks[0].arrivals.timeScale: expected a number greater than 0, got 0']);
    });
    it('a duration, a count or a size override next to a trace, which gives each task its own', () => {
      expect(errors(traceScenario({}, { duration: '5m', count: 2, overrides: { cpu: '1024' } }))).toEqual([
        'workload.runTasks[0].duration: a trace gives each task its own duration: remove duration, or use another arrivals process',
        'workload.runTasks[0].count: a trace makes one RunTask call per pod, each for one task: expected count 1, got 2',
        'workload.runTasks[0].overrides: a trace sizes each task from its pod: remove overrides.cpu and overrides.memory',
      ]);
    });
    it('other arrivals still need a duration', () => {
      expect(problems(onM5Large(oneCall({ duration: undefined })))).toEqual([
        'workload.runTasks[0].duration: required: how long each task runs once RUNNING (a duration such as "10m" or a distribution)',
      ]);
    });
    it('an unknown format or gpuPods choice', () => {
      expect(errors(traceScenario({ format: 'google-2019', gpuPods: 'keep' }))).toEqual([
        'workload.runTasks[0].arrivals.format: expected "alibaba-openb", got "google-2019"',
        'workload.runTasks[0].arrivals.gpuPods: expected "skip" | "ignore-gpu", got "keep"',
      ]);
    });
  });
});
