import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, type LoadResult } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import type { ScenarioSpec } from '../../src/scenario/scenario-spec.js';

/** The fixtures folder plays the scenario file's folder: files are read relative to it, as the CLI reads them. */
const FIXTURES = join(__dirname, '../fixtures/aws-cli');
const readFixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

const cluster = { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], containerInstances: [{ instanceType: 'm5.large', count: 3 }] };
const worker = { family: 'worker', revision: 3, containerDefinitions: [{ name: 'worker', image: 'worker', cpu: 256, memory: 512 }] };

function load(scenario: Record<string, unknown>, readFile: ((path: string) => string) | undefined = readFixture): LoadResult {
  return loadScenario(stringify({ name: 'file references', duration: '30m', cluster, ...scenario }), { readFile });
}
function loaded(scenario: Record<string, unknown>, readFile?: (path: string) => string): ScenarioSpec {
  const result = load(scenario, readFile);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.spec;
}
function errors(scenario: Record<string, unknown>, readFile?: (path: string) => string): string[] {
  const result = load(scenario, readFile);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('taskDefinitions: { file } with describe-task-definition output', () => {
  const spec = loaded({ taskDefinitions: [{ file: 'describe-task-definition-hello-world.json' }] });

  it('registers the task definition at the revision the output printed, with cpu and memory given as strings', () => {
    expect(spec.taskDefinitions.map((td) => td.key)).toEqual(['hello_world:8']);
    expect(spec.taskDefinitions[0]).toMatchObject({ taskCpuUnits: 256, taskMemoryMiB: 1024, networkMode: 'bridge', requiresCompatibilities: ['EC2'] });
    expect(spec.taskDefinitions[0].containers.map((c) => c.name)).toEqual(['wordpress', 'mysql']);
  });

  it('ignores the read-only fields, naming them in one note at the entry', () => {
    expect(spec.notes).toContainEqual({
      path: 'taskDefinitions[0] (describe-task-definition-hello-world.json) taskDefinition',
      message: 'describe-task-definition output: read-only fields ignored (compatibilities, registeredAt, registeredBy, requiresAttributes, status, taskDefinitionArn)',
    });
    expect(spec.notes.filter((n) => /taskDefinitionArn|registeredAt/.test(n.path))).toEqual([]);
  });

  it('notes input fields it does not simulate at their place in the file', () => {
    expect(spec.notes).toContainEqual({
      path: 'taskDefinitions[0] (describe-task-definition-hello-world.json) taskDefinition.containerDefinitions[0].links',
      message: 'not simulated by ecsim; ignored',
    });
  });

  it('takes the same output inline, and the task definition on its own (jq .taskDefinition)', () => {
    const output = JSON.parse(readFixture('describe-task-definition-hello-world.json'));
    const inline = loaded({ taskDefinitions: [output] });
    expect(inline.taskDefinitions.map((td) => td.key)).toEqual(['hello_world:8']);
    expect(inline.notes.map((n) => n.path)).toContain('taskDefinitions[0].taskDefinition');
    const bare = loaded({ taskDefinitions: [output.taskDefinition] });
    expect(bare.taskDefinitions.map((td) => td.key)).toEqual(['hello_world:8']);
    expect(bare.notes.find((n) => n.message.startsWith('describe-task-definition output'))?.path).toBe('taskDefinitions[0]');
  });

  it('keys beside `file` override the file\'s top-level fields', () => {
    const spec = loaded({ taskDefinitions: [{ file: 'describe-task-definition-hello-world.json', family: 'copy', revision: 1, memory: '2048' }] });
    expect(spec.taskDefinitions.map((td) => [td.key, td.taskMemoryMiB])).toEqual([['copy:1', 2048]]);
  });

  it('a register-task-definition input keeps working, and later revisions of the family continue from the one printed', () => {
    const next = { family: 'hello_world', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] };
    const spec = loaded({ taskDefinitions: [{ file: 'describe-task-definition-hello-world.json' }, next] });
    expect(spec.taskDefinitions.map((td) => td.key)).toEqual(['hello_world:8', 'hello_world:9']);
  });

  it('a revision at or below one registered before is an error at the entry that gives it', () => {
    const earlier = { family: 'hello_world', revision: 8, containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] };
    expect(errors({ taskDefinitions: [earlier, { file: 'describe-task-definition-hello-world.json' }] })).toEqual([
      'taskDefinitions[1] (describe-task-definition-hello-world.json) taskDefinition.revision: expected a revision above 8: hello_world:8 is registered by an earlier entry',
    ]);
  });
});

describe('services: { file } with describe-services output', () => {
  const scenario = {
    taskDefinitions: [{ file: 'describe-task-definition-hello-world.json' }, worker],
    loadBalancing: { targetGroups: [{ Name: 'web-tg', Port: 80 }] },
    services: [{ file: 'describe-services-web-and-worker.json' }],
  };

  it('expands to every service in the output, naming task definitions by ARN and target groups by ARN', () => {
    const spec = loaded(scenario);
    expect(spec.services.map((s) => [s.name, s.taskDefinition, s.desiredCount])).toEqual([
      ['web', 'hello_world:8', 3],
      ['worker', 'worker:3', 2],
    ]);
    expect(spec.services[0]).toMatchObject({
      healthCheckGracePeriodMs: 60_000,
      loadBalancers: [{ targetGroup: 'web-tg', containerName: 'wordpress', containerPort: 80 }],
      strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
    });
    expect(spec.services[1].deploymentConfiguration.minimumHealthyPercent).toBe(50);
  });

  it('notes the read-only fields once per service, and simulates the services from scratch', () => {
    const spec = loaded(scenario);
    expect(spec.notes.filter((n) => n.message.startsWith('describe-services output'))).toEqual([
      {
        path: 'services[0] (describe-services-web-and-worker.json) services[0]',
        message: 'describe-services output: read-only fields ignored (clusterArn, createdAt, createdBy, deployments, events, pendingCount, roleArn, runningCount, serviceArn, status)',
      },
      {
        path: 'services[0] (describe-services-web-and-worker.json) services[1]',
        message: 'describe-services output: read-only fields ignored (clusterArn, createdAt, createdBy, deployments, events, pendingCount, runningCount, serviceArn, status)',
      },
    ]);
    const r = simulate(spec, { check: true });
    expect(r.services.map((s) => [s.serviceName, s.runningCount])).toEqual([
      ['web', 3],
      ['worker', 2],
    ]);
  });

  it('overrides beside `file` apply to every service it yields', () => {
    const spec = loaded({ ...scenario, services: [{ file: 'describe-services-web-and-worker.json', desiredCount: 1 }] });
    expect(spec.services.map((s) => s.desiredCount)).toEqual([1, 1]);
  });

  it('entries after an expanded file keep their own paths in problems', () => {
    const inline = { serviceName: 'web', taskDefinition: 'worker', desiredCount: 1 };
    expect(errors({ ...scenario, services: [{ file: 'describe-services-web-and-worker.json' }, inline] })).toEqual([
      'services[1].serviceName: a service named "web" is already defined',
    ]);
  });

  it('a problem inside the file is reported at the entry, the file and the place in it', () => {
    const missingWorker = { ...scenario, taskDefinitions: [{ file: 'describe-task-definition-hello-world.json' }] };
    expect(errors(missingWorker)).toEqual([
      'services[0] (describe-services-web-and-worker.json) services[1].taskDefinition: unknown task definition "arn:aws:ecs:us-east-1:012345678910:task-definition/worker:3" (registered: hello_world:8)',
    ]);
  });

  it('a problem in an override is reported at the override', () => {
    expect(errors({ ...scenario, services: [{ file: 'describe-services-web-and-worker.json', desiredCount: -1 }] })).toEqual([
      'services[0].desiredCount: expected an integer >= 0, got -1',
    ]);
  });

  it('takes describe-services output inline too, with its failures as a note', () => {
    const output = JSON.parse(readFixture('describe-services-web-and-worker.json'));
    output.failures = [{ arn: 'arn:aws:ecs:us-east-1:012345678910:service/MyCluster/gone', reason: 'MISSING' }];
    const spec = loaded({ ...scenario, services: [output] });
    expect(spec.services.map((s) => s.name)).toEqual(['web', 'worker']);
    expect(spec.notes).toContainEqual({
      path: 'services[0].services[0]',
      message: 'describe-services output lists failures (arn:aws:ecs:us-east-1:012345678910:service/MyCluster/gone MISSING): those are not in it',
    });
  });
});

describe('file references elsewhere: YAML files, scaling policies', () => {
  it('serviceAutoScaling targetTrackingPolicies: a put-scaling-policy input in YAML', () => {
    const spec = loaded({
      taskDefinitions: [worker],
      services: [{ serviceName: 'worker', taskDefinition: 'worker', desiredCount: 2 }],
      serviceAutoScaling: [{ service: 'worker', minCapacity: 1, maxCapacity: 4, targetTrackingPolicies: [{ file: 'put-scaling-policy-cpu75.yaml' }] }],
    });
    expect(spec.serviceAutoScaling[0].targetTrackingPolicies[0]).toMatchObject({ PolicyName: 'cpu75-target-tracking-scaling-policy', TargetValue: 75, ScaleOutCooldown: 60 });
    expect(spec.notes.filter((n) => n.path.startsWith('serviceAutoScaling'))).toEqual([]);
  });
});

describe('cluster.capacityProviders: describe-capacity-providers output with the Auto Scaling group beside it', () => {
  it('takes the provider, drops its read-only fields with a note, and keeps the simulation-side autoScalingGroup override', () => {
    // After the example output of https://docs.aws.amazon.com/cli/latest/reference/ecs/describe-capacity-providers.html
    const described = {
      capacityProviders: [
        {
          capacityProviderArn: 'arn:aws:ecs:us-east-1:012345678910:capacity-provider/MyCapacityProvider',
          name: 'MyCapacityProvider',
          status: 'ACTIVE',
          autoScalingGroupProvider: {
            autoScalingGroupArn: 'arn:aws:autoscaling:us-east-1:012345678910:autoScalingGroup:a1b2c3d4:autoScalingGroupName/MyASG',
            managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 1000, instanceWarmupPeriod: 300 },
            managedTerminationProtection: 'DISABLED',
          },
          updateStatus: 'UPDATE_COMPLETE',
          tags: [],
        },
      ],
    };
    const spec = loaded(
      {
        cluster: { ...cluster, containerInstances: [], capacityProviders: [{ file: 'providers.json', autoScalingGroup: { instanceType: 'm5.large', maxSize: 4, desiredCapacity: 1, minSize: 1 } }] },
        taskDefinitions: [worker],
      },
      (path) => (path === 'providers.json' ? JSON.stringify(described) : readFixture(path)),
    );
    expect(spec.capacityProviders.map((p) => p.name)).toEqual(['MyCapacityProvider']);
    expect(spec.notes).toContainEqual({
      path: 'cluster.capacityProviders[0] (providers.json) capacityProviders[0]',
      message: 'describe-capacity-providers output: read-only fields ignored (capacityProviderArn, status, updateStatus)',
    });
  });
});

describe('file reference problems: one error at `<entry>.file` saying what was expected', () => {
  const files: Record<string, string> = { 'bad.json': '{ "family": "web", ', 'number.json': '42', 'empty.json': '' };
  const readFile = (path: string) => {
    if (path in files) return files[path];
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };
  const td = { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] };

  it.each([
    ['a missing file', { file: 'nowhere.json' }, 'taskDefinitions[2].file: cannot read "nowhere.json" (no such file)'],
    ['bad JSON', { file: 'bad.json' }, /^taskDefinitions\[2\]\.file: "bad\.json" is not valid JSON or YAML \(line \d+, column \d+: .+\)$/],
    ['a file holding a number', { file: 'number.json' }, 'taskDefinitions[2].file: expected "number.json" to hold a task definition (a JSON or YAML object), got 42'],
    ['an empty file', { file: 'empty.json' }, 'taskDefinitions[2].file: expected "empty.json" to hold a task definition (a JSON or YAML object), got an empty file'],
    ['a file that is not a path', { file: 7 }, 'taskDefinitions[2].file: expected the path of a JSON or YAML file holding a task definition, relative to the scenario file'],
  ])('%s', (_label, entry, expected) => {
    const found = errors({ taskDefinitions: [td, td, entry] }, readFile);
    expect(found).toHaveLength(1);
    if (typeof expected === 'string') expect(found[0]).toBe(expected);
    else expect(found[0]).toMatch(expected);
  });

  it('without a file reader (loadScenario from text alone) the reference is an error, not a crash', () => {
    const result = loadScenario(stringify({ name: 'no reader', duration: '1h', cluster, taskDefinitions: [{ file: 'td.json' }] }));
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'taskDefinitions[0].file: a file the scenario names needs a file reader: run the scenario with the CLI, or pass readFile to loadScenario',
    ]);
  });
});
