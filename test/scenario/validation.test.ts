import { describe, expect, it } from 'vitest';
import { problems, scenarioObject, spec } from '../builders.js';

const base = scenarioObject();
const withInstances = (groups: unknown[]) => scenarioObject({ cluster: { ...(base.cluster as object), containerInstances: groups } });
const withRunTask = (source: Record<string, unknown>) =>
  scenarioObject({ workload: { runTasks: [{ ...(base.workload as { runTasks: object[] }).runTasks[0], ...source }] } });

describe('scenario validation: every problem names its path and what was expected', () => {
  it('accepts the base scenario', () => {
    expect(problems(base)).toEqual([]);
  });

  it('invalid YAML gives the line and column', () => {
    expect(problems('name: x\nduration: [1h\n')).toEqual([expect.stringMatching(/^: invalid YAML at line \d+, column \d+/)]);
  });

  it('a wrong type names the path and the expected type', () => {
    expect(problems(withInstances([{ instanceType: 'm5.large', count: 'three' }]))).toEqual([
      'cluster.containerInstances[0].count: expected an integer from 0 to 1000000, got "three"',
    ]);
  });

  it('a negative count is rejected', () => {
    expect(problems(withInstances([{ instanceType: 'm5.large', count: -1 }]))).toEqual([
      'cluster.containerInstances[0].count: expected an integer from 0 to 1000000, got -1',
    ]);
  });

  it('an unknown instance type lists what is expected', () => {
    const [message] = problems(withInstances([{ instanceType: 'm9.huge' }]));
    expect(message).toMatch(/^cluster\.containerInstances\[0\]\.instanceType: expected "t3\.nano" \| .*"m5\.large".*, got "m9\.huge"$/);
  });

  it('a bad duration is rejected with an example of a good one', () => {
    expect(problems(scenarioObject({ duration: 'forever' }))).toEqual([
      'duration: expected a positive duration such as "90s", "15m", "6h", "2d" or milliseconds, got "forever"',
    ]);
    expect(problems(withRunTask({ duration: { dist: 'exponential', mean: '-5m' } }))).toEqual([
      'workload.runTasks[0].duration.mean: expected a positive duration such as "90s", "15m", "6h", "2d" or milliseconds, got "-5m"',
    ]);
  });

  it('an unknown task definition names the ones registered', () => {
    expect(problems(withRunTask({ taskDefinition: 'jobb' }))).toEqual([
      'workload.runTasks[0].taskDefinition: unknown task definition "jobb" (registered: job:1)',
    ]);
  });

  it('a missing required key says so', () => {
    const { name: _, ...noName } = base;
    expect(problems(noName)).toEqual(['name: required: expected a non-empty string']);
  });

  it('an unknown key in an ecsim section is an error (typos must not pass)', () => {
    expect(problems(withRunTask({ cuont: 2 }))).toEqual([
      'workload.runTasks[0].cuont: unknown key; expected one of name, taskDefinition, count, group, startedBy, launchType, capacityProviderStrategy, placementStrategy, placementConstraints, overrides, arrivals, duration, startAt, stopAt',
    ]);
  });

  it('an unknown AWS field is accepted with a note', () => {
    const td = { family: 'job', volumes: [], containerDefinitions: [{ name: 'job', image: 'x', memory: 64, logConfiguration: {} }] };
    const s = spec(scenarioObject({ taskDefinitions: [td] }));
    expect(s.notes.map((n) => n.path)).toEqual(['taskDefinitions[0].containerDefinitions[0].logConfiguration', 'taskDefinitions[0].volumes']);
  });

  it("a cluster above ECS's 5,000-instance quota runs, with a note", () => {
    const s = spec(withInstances([{ instanceType: 'm5.large', count: 5001 }]));
    expect(s.notes).toEqual([{ path: 'cluster.containerInstances', message: "5001 container instances: above ECS's default quota of 5000 per cluster (simulated anyway)" }]);
  });

  it('RunTask count is 1 to 10, as the API allows', () => {
    expect(problems(withRunTask({ count: 11 }))).toEqual(['workload.runTasks[0].count: expected an integer from 1 to 10, got 11']);
  });

  it('a poisson process needs exactly one rate', () => {
    expect(problems(withRunTask({ arrivals: { process: 'poisson' } }))).toEqual([
      'workload.runTasks[0].arrivals: expected exactly one of ratePerSecond, ratePerMinute, ratePerHour',
    ]);
    expect(problems(withRunTask({ arrivals: { process: 'bursty' } }))).toEqual([
      'workload.runTasks[0].arrivals.process: expected "poisson" | "fixed" | "explicit" | "trace", got "bursty"',
    ]);
  });

  it('an instance group in an AZ the cluster does not list is rejected', () => {
    expect(problems(withInstances([{ instanceType: 'm5.large', availabilityZone: 'us-west-2a' }]))).toEqual([
      "cluster.containerInstances[0].availabilityZone: expected one of the cluster's availabilityZones (us-east-1a, us-east-1b), got \"us-west-2a\"",
    ]);
  });

  it('collects every problem, not just the first', () => {
    expect(problems(scenarioObject({ seed: -1, duration: 'x' }))).toHaveLength(2);
  });
});

describe('task definitions, as RegisterTaskDefinition validates them', () => {
  const taskDef = (td: Record<string, unknown>) => problems(scenarioObject({ taskDefinitions: [{ family: 'job', ...td }] }));
  const container = (c: Record<string, unknown>) => ({ containerDefinitions: [{ name: 'app', image: 'x', ...c }] });

  it('a container needs memory or memoryReservation when the task sets no memory', () => {
    expect(taskDef(container({ cpu: 128 }))).toEqual([
      "taskDefinitions[0].containerDefinitions[0]: Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
    ]);
    expect(taskDef({ memory: '512', ...container({ cpu: 128 }) })).toEqual([]);
  });

  it('memory must exceed memoryReservation', () => {
    expect(taskDef(container({ memory: 128, memoryReservation: 256 }))).toEqual([
      "taskDefinitions[0].containerDefinitions[0].memoryReservation: Invalid setting for container 'app'. 'memory' (128) must be greater than 'memoryReservation' (256)",
    ]);
  });

  it('awsvpc requires hostPort to equal containerPort', () => {
    expect(taskDef({ networkMode: 'awsvpc', ...container({ memory: 128, portMappings: [{ containerPort: 8080, hostPort: 80 }] }) })).toEqual([
      'taskDefinitions[0].containerDefinitions[0].portMappings[0].hostPort: When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
    ]);
  });

  it('task cpu accepts units and vCPU strings; memory accepts MiB and GB', () => {
    const s = spec(scenarioObject({ taskDefinitions: [{ family: 'job', cpu: '0.5 vCPU', memory: '1 GB', ...container({}) }] }));
    expect(s.taskDefinitions[0].reservation).toEqual({ cpuUnits: 512, memoryMiB: 1024 });
    expect(taskDef({ cpu: 'lots', memory: 512, ...container({}) })).toEqual([
      'taskDefinitions[0].cpu: expected CPU units from 128 to 196608 ("256", "1 vCPU", ...), got "lots"',
    ]);
  });

  it('placement reserves memoryReservation (soft) when set, memory (hard) otherwise, summed over containers', () => {
    const s = spec(
      scenarioObject({
        taskDefinitions: [
          {
            family: 'job',
            containerDefinitions: [
              { name: 'a', image: 'x', cpu: 100, memory: 300, memoryReservation: 128 },
              { name: 'b', image: 'x', cpu: 50, memory: 200 },
            ],
          },
        ],
      }),
    );
    expect(s.taskDefinitions[0].reservation).toEqual({ cpuUnits: 150, memoryMiB: 328 });
  });

  it('each entry of a family registers the next revision; a bare family means the latest', () => {
    const td = (memory: number) => ({ family: 'job', ...container({ memory }) });
    const s = spec(scenarioObject({ taskDefinitions: [td(100), td(200)] }));
    expect(s.taskDefinitions.map((t) => t.key)).toEqual(['job:1', 'job:2']);
    expect(s.runTasks[0].taskDefinition).toBe('job:2');
  });

  it('a FARGATE-only task definition cannot be run with launch type EC2', () => {
    const td = { family: 'job', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', ...container({}) };
    expect(problems(scenarioObject({ taskDefinitions: [td] }))).toEqual(['workload.runTasks[0].launchType: Task definition does not support launch_type EC2.']);
  });
});
