import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeContainerInstance } from '../../src/model/describe-container-instance.js';
import { chooseInstance } from '../../src/placement/choose-instance.js';
import { claim } from '../../src/placement/claim.js';
import { SERVICE_DEFAULT_STRATEGIES } from '../../src/placement/defaults.js';
import { simulate } from '../../src/simulate.js';
import { problems, scenarioObject, spec } from '../builders.js';
import { cluster, instance, request } from './builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');

/** A scenario with the given instance groups, one task definition and one RunTask call at 1m. */
function placementScenario(options: {
  instances: object[];
  azs?: string[];
  taskDefinition?: Record<string, unknown>;
  runTask?: Record<string, unknown>;
}) {
  return scenarioObject({
    cluster: { clusterName: 'c', availabilityZones: options.azs ?? ['us-east-1a', 'us-east-1b', 'us-east-1c'], containerInstances: options.instances },
    taskDefinitions: [
      { family: 'app', containerDefinitions: [{ name: 'app', image: 'x', cpu: 256, memory: 512 }], ...options.taskDefinition },
    ],
    workload: { runTasks: [{ name: 'calls', taskDefinition: 'app', arrivals: { process: 'explicit', at: ['1m'] }, duration: '1h', ...options.runTask }] },
  });
}
const run = (scenario: object) => simulate(spec(scenario), { check: true });
const where = (results: ReturnType<typeof run>) => results.tasks.map((t) => t.containerInstanceId);

describe("AWS's documented placement examples", () => {
  it('registered vs remaining (DescribeContainerInstances example): 2048 CPU / 3768 MiB, one task takes 100 / 100 and port 80', () => {
    const example = JSON.parse(readFileSync(join(REAL, 'containerinstance-botocore-example-registered-vs-remaining.json'), 'utf8')).containerInstances[0];
    const state = cluster(instance('2048/3768'));
    const target = state.instances[0];
    target.ports.tcp.reserved = new Set([22, 2375, 2376, 51678]);
    claim(state, target, 'family:web', { cpuUnits: 100, memoryMiB: 100 }, {
      staticPorts: [{ container: 'web', containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      dynamicPorts: [],
      eni: false,
    });
    const described = describeContainerInstance(target);
    const pick = (resources: { name: string; integerValue?: number; stringSetValue?: string[] }[]) =>
      Object.fromEntries(resources.filter((r) => r.name !== 'PORTS_UDP').map((r) => [r.name, r.stringSetValue ? [...r.stringSetValue].sort() : r.integerValue]));
    expect(pick(described.registeredResources)).toEqual(pick(example.registeredResources));
    expect(pick(described.remainingResources)).toEqual(pick(example.remainingResources));
  });

  it('c4.large registers the 3768 MiB of that example', () => {
    const results = run(placementScenario({ instances: [{ instanceType: 'c4.large' }] }));
    expect(results.instances[0]).toMatchObject({ registeredCpuUnits: 2048, registeredMemoryMiB: 3768 });
  });

  it('spread(AZ) then binpack(memory): one task per AZ, each on the fullest instance of its AZ that fits', () => {
    // Two instances per AZ; the second of each AZ is smaller (r5.large 16 GiB vs m5.large 8 GiB).
    const instances = ['us-east-1a', 'us-east-1b', 'us-east-1c'].flatMap((az) => [
      { instanceType: 'r5.large', availabilityZone: az },
      { instanceType: 'm5.large', availabilityZone: az },
    ]);
    const results = run(
      placementScenario({
        instances,
        runTask: {
          count: 4,
          placementStrategy: [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'memory' },
          ],
        },
      }),
    );
    // Instances: i-0001 r5 a, i-0002 m5 a, i-0003 r5 b, i-0004 m5 b, i-0005 r5 c, i-0006 m5 c.
    // Three tasks go one per AZ onto the m5 (least memory); the fourth (all AZs tied) to the fullest: i-0002 again.
    expect(where(results)).toEqual(['i-0002', 'i-0004', 'i-0006', 'i-0002']);
  });

  it('spread(AZ) then spread(instanceId): spread across AZs, then across instances within each AZ', () => {
    const instances = [{ instanceType: 'm5.large', count: 6 }];
    const results = run(
      placementScenario({
        instances,
        runTask: { count: 6, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }] },
      }),
    );
    expect([...where(results)].sort()).toEqual(['i-0001', 'i-0002', 'i-0003', 'i-0004', 'i-0005', 'i-0006']);
  });

  it('the service default (no strategy) is spread over AZs, then over instances', () => {
    const state = cluster(
      instance('2048/8192', { az: 'us-east-1a' }),
      instance('2048/8192', { az: 'us-east-1b' }),
      instance('2048/8192', { az: 'us-east-1b' }),
      instance('2048/8192', { az: 'us-east-1c' }),
    );
    const service = request('256/512', { group: 'service:web' });
    const withDefault = { ...service, strategies: SERVICE_DEFAULT_STRATEGIES };
    // AZ-a has 1 task, AZ-b and AZ-c none: an instance in b or c (the DG's example); then AZ-b's emptier instance.
    claim(state, state.instances[0], 'service:web', service.need, service.network);
    claim(state, state.instances[1], 'service:web', service.need, service.network);
    claim(state, state.instances[3], 'service:web', service.need, service.network);
    expect(chooseInstance(withDefault, state, 0)?.id).toBe('i-0003');
  });

  it('AZ-balanced default logic: with AZ-a holding a task, the next goes to AZ-b or AZ-c, onto its emptiest instance', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large', count: 6 }],
        runTask: {
          group: 'service:web',
          arrivals: { process: 'explicit', at: ['1m', '2m'] },
          placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
        },
      }),
    );
    const [first, second] = results.tasks;
    expect(first.availabilityZone).toBe('us-east-1a');
    expect(['us-east-1b', 'us-east-1c']).toContain(second.availabilityZone);
  });

  it('binpack(cpu) fills one instance before the next', () => {
    const results = run(placementScenario({ instances: [{ instanceType: 'm5.large', count: 3 }], runTask: { count: 10, placementStrategy: [{ type: 'binpack', field: 'cpu' }] } }));
    // 256-unit tasks: 8 fit on a 2048-unit m5.large.
    expect(where(results)).toEqual([...Array(8).fill('i-0001'), 'i-0002', 'i-0002']);
  });

  it('distinctInstance: each task of the group on a different instance; the rest fail with its reason', () => {
    const results = run(placementScenario({ instances: [{ instanceType: 'm5.large', count: 3 }], runTask: { count: 4, placementConstraints: [{ type: 'distinctInstance' }] } }));
    expect(new Set(where(results)).size).toBe(3);
    expect(results.runTaskFailures.map((f) => f.reason)).toEqual(['DistinctInstance placement constraint unsatisfied.']);
  });

  it('memberOf: only instances matching the expression; none matching fails with its reason', () => {
    const instances = [{ instanceType: 'm5.large', count: 2 }, { instanceType: 't3.medium', count: 2 }];
    const results = run(placementScenario({ instances, runTask: { count: 4, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }] } }));
    expect(results.tasks.every((t) => ['i-0003', 'i-0004'].includes(t.containerInstanceId!))).toBe(true);
    const none = run(placementScenario({ instances, runTask: { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == c5.large' }] } }));
    expect(none.runTaskFailures.map((f) => [f.reason, f.message])).toEqual([
      ['MemberOf placement constraint unsatisfied.', 'The closest matching container-instance i-0001 encountered error "MemberOf placement constraint unsatisfied.".'],
    ]);
  });

  it('a task definition memberOf constraint applies to every task', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large', count: 2, attributes: { team: 'blue' } }, { instanceType: 'm5.large', count: 2 }],
        taskDefinition: { placementConstraints: [{ type: 'memberOf', expression: 'attribute:team == blue' }] },
        runTask: { count: 4 },
      }),
    );
    expect(results.tasks.every((t) => ['i-0001', 'i-0002'].includes(t.containerInstanceId!))).toBe(true);
  });

  it('a static host port allows one task per instance: the next fails RESOURCE:PORTS, already using a port', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large', count: 2 }],
        taskDefinition: { containerDefinitions: [{ name: 'web', image: 'x', cpu: 256, memory: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] },
        runTask: { count: 3 },
      }),
    );
    expect(results.tasks.map((t) => t.networkBindings)).toEqual([
      [{ containerName: 'web', containerPort: 80, hostPort: 8080, protocol: 'tcp' }],
      [{ containerName: 'web', containerPort: 80, hostPort: 8080, protocol: 'tcp' }],
    ]);
    expect(results.runTaskFailures.map((f) => [f.reason, f.message])).toEqual([
      ['RESOURCE:PORTS', 'The closest matching container-instance i-0001 is already using a port required by your task.'],
    ]);
  });

  it('a static host port the agent reserves (22) can never be bound', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large' }],
        taskDefinition: { containerDefinitions: [{ name: 'ssh', image: 'x', memory: 64, portMappings: [{ containerPort: 22, hostPort: 22 }] }] },
      }),
    );
    expect(results.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:PORTS']);
  });

  it('host network mode binds the container port itself', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large' }],
        taskDefinition: { networkMode: 'host', containerDefinitions: [{ name: 'web', image: 'x', memory: 64, portMappings: [{ containerPort: 9000 }] }] },
        runTask: { count: 2 },
      }),
    );
    expect(results.tasks[0].networkBindings).toEqual([{ containerName: 'web', containerPort: 9000, hostPort: 9000, protocol: 'tcp' }]);
    expect(results.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:PORTS']);
  });

  it('dynamic host ports: upward from the range start, continuing past released ports, as the agent does', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large' }],
        taskDefinition: { containerDefinitions: [{ name: 'web', image: 'x', cpu: 10, memory: 64, portMappings: [{ containerPort: 80 }, { containerPort: 443, hostPort: 0 }] }] },
        runTask: { arrivals: { process: 'fixed', every: '10m' }, duration: '5m', stopAt: '20m' },
      }),
    );
    expect(results.tasks.map((t) => t.networkBindings.map((b) => `${b.containerPort}->${b.hostPort}`))).toEqual([
      ['80->32768', '443->32769'],
      ['80->32770', '443->32771'],
      ['80->32772', '443->32773'],
    ]);
  });

  it('ECS_DYNAMIC_HOST_PORT_RANGE: a range of two ports holds two single-port tasks; the third fails RESOURCE:PORTS', () => {
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large', dynamicHostPortRange: '40000-40001' }],
        taskDefinition: { containerDefinitions: [{ name: 'web', image: 'x', cpu: 10, memory: 64, portMappings: [{ containerPort: 80 }] }] },
        runTask: { count: 3 },
      }),
    );
    expect(results.tasks.map((t) => t.networkBindings[0].hostPort)).toEqual([40000, 40001]);
    expect(results.runTaskFailures.map((f) => f.message)).toEqual(['The closest matching container-instance i-0001 has no free port left in its dynamic host port range.']);
  });

  it('at most 100 reserved ports per instance, the agent defaults included', () => {
    const ports = Array.from({ length: 95 }, (_, i) => ({ containerPort: 9000 + i, hostPort: 9000 + i }));
    const results = run(
      placementScenario({
        instances: [{ instanceType: 'm5.large' }],
        taskDefinition: { containerDefinitions: [{ name: 'many', image: 'x', memory: 64, portMappings: ports }] },
      }),
    );
    // 6 default reserved ports + 95 static = 101 > 100.
    expect(results.runTaskFailures.map((f) => f.message)).toEqual(['The closest matching container-instance i-0001 has too many ports registered (at most 100 reserved ports).']);
  });

  it('awsvpc: each task takes an ENI; m5.large takes 2 without trunking, 10 with it', () => {
    const awsvpc = { networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'x', cpu: 10, memory: 64, portMappings: [{ containerPort: 8080 }] }] };
    const plain = run(placementScenario({ instances: [{ instanceType: 'm5.large' }], taskDefinition: awsvpc, runTask: { count: 3 } }));
    expect(plain.tasks).toHaveLength(2);
    expect(plain.tasks[0]).toMatchObject({ eni: true, networkBindings: [] });
    expect(plain.runTaskFailures.map((f) => f.reason)).toEqual(['RESOURCE:ENI']);
    const trunked = run(placementScenario({ instances: [{ instanceType: 'm5.large', awsvpcTrunking: true }], taskDefinition: awsvpc, runTask: { count: 10 } }));
    expect(trunked.tasks).toHaveLength(10);
    expect(problems(placementScenario({ instances: [{ instanceType: 't3.medium', awsvpcTrunking: true }] }))).toEqual([
      'cluster.containerInstances[0].awsvpcTrunking: instance type t3.medium does not support ENI trunking',
    ]);
  });

  it('an instance whose agent is disconnected takes no task: AGENT', () => {
    const results = run(placementScenario({ instances: [{ instanceType: 'm5.large', agentConnected: false }] }));
    expect(results.runTaskFailures.map((f) => [f.reason, f.message])).toEqual([['AGENT', 'The closest matching container-instance i-0001 encountered error "AGENT".']]);
  });

  it('a DRAINING instance takes no new task', () => {
    const results = run(placementScenario({ instances: [{ instanceType: 'm5.large', status: 'DRAINING' }, { instanceType: 'm5.large' }], runTask: { count: 3 } }));
    expect(where(results)).toEqual(['i-0002', 'i-0002', 'i-0002']);
  });
});

describe('limits and bad placement input, as the API rejects them', () => {
  const strategies = (n: number) => Array.from({ length: n }, () => ({ type: 'spread', field: 'instanceId' }));
  it('at most 5 strategies', () => {
    expect(problems(placementScenario({ instances: [], runTask: { placementStrategy: strategies(6) } }))).toEqual([
      'workload.runTasks[0].placementStrategy: expected a list of 0 to 5 items of placement strategies, got 6',
    ]);
    expect(problems(placementScenario({ instances: [], runTask: { placementStrategy: strategies(5) } }))).toEqual([]);
  });

  it('at most 10 constraints, task definition and RunTask together', () => {
    const memberOf = (n: number) => Array.from({ length: n }, () => ({ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }));
    expect(problems(placementScenario({ instances: [], taskDefinition: { placementConstraints: memberOf(4) }, runTask: { placementConstraints: memberOf(7) } }))).toEqual([
      'workload.runTasks[0].placementConstraints: at most 10 placement constraints per task, task definition and RunTask together; got 11',
    ]);
  });

  it('binpack takes cpu or memory', () => {
    expect(problems(placementScenario({ instances: [], runTask: { placementStrategy: [{ type: 'binpack', field: 'disk' }] } }))).toEqual([
      'workload.runTasks[0].placementStrategy[0].field: expected "cpu" | "memory" for binpack, got "disk"',
    ]);
  });

  it('a memberOf syntax error names the column', () => {
    expect(problems(placementScenario({ instances: [], runTask: { placementConstraints: [{ type: 'memberOf', expression: 'attribute:team = blue' }] } }))).toEqual([
      'workload.runTasks[0].placementConstraints[0].expression: cluster query language syntax error at column 16: expected an operator after "attribute:team"',
    ]);
  });

  it('task definitions take only memberOf constraints', () => {
    expect(problems(placementScenario({ instances: [], taskDefinition: { placementConstraints: [{ type: 'distinctInstance' }] } }))).toEqual([
      'taskDefinitions[0].placementConstraints[0].type: expected "memberOf": task definitions take only memberOf constraints',
    ]);
  });
});
