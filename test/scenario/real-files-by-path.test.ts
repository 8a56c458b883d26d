import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, type LoadResult } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';

/**
 * Every real task definition and service (shared/data/ecs-real/taskdef-*, service-*.json), referenced by
 * path from a scenario that lives in this folder (so the path is relative, as a user writes it), runs.
 */
const REAL = join(__dirname, '../../../shared/data/ecs-real');
const pathFromScenario = (file: string) => relative(__dirname, join(REAL, file));
const readFile = (path: string) => readFileSync(join(__dirname, path), 'utf8');
const real = (prefix: string) => readdirSync(REAL).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();

const cluster = { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], containerInstances: [{ instanceType: 'm5.large', count: 3 }], capacityProviders: ['FARGATE', 'FARGATE_SPOT'] };

function load(scenario: Record<string, unknown>): LoadResult {
  return loadScenario(stringify({ name: 'real files by path', duration: '20m', cluster, ...scenario }), { readFile });
}
const messages = (result: LoadResult) => (result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`));

describe('real task definitions, referenced by path, run as a service of 2 tasks', () => {
  const files = real('taskdef-');
  it('finds them', () => expect(files.length).toBeGreaterThanOrEqual(7));

  it.each(files)('%s', (file) => {
    const td = JSON.parse(readFileSync(join(REAL, file), 'utf8')) as { family: string; requiresCompatibilities?: string[] };
    const fargate = td.requiresCompatibilities?.includes('FARGATE') ?? false;
    const result = load({
      taskDefinitions: [{ file: pathFromScenario(file) }],
      services: [{ serviceName: 'svc', taskDefinition: td.family, desiredCount: 2, ...(fargate ? { launchType: 'FARGATE' } : {}) }],
    });
    if (file.includes('tomcat-ec2-awsvpc')) {
      // Cannot run: hostPort 80 with containerPort 8080 in awsvpc mode, which RegisterTaskDefinition rejects.
      expect(messages(result)).toEqual([
        `taskDefinitions[0] (${pathFromScenario(file)}) containerDefinitions[0].portMappings[0].hostPort: When networkMode=awsvpc, the host ports and container ports in port mappings must match.`,
      ]);
      return;
    }
    expect(messages(result)).toEqual([]);
    if (!result.ok) return;
    const r = simulate(result.spec, { check: true });
    expect(r.services[0]).toMatchObject({ serviceName: 'svc', desiredCount: 2, runningCount: 2 });
    expect(r.tasks.every((t) => t.launchType === (fargate ? 'FARGATE' : 'EC2'))).toBe(true);
  });
});

describe('real services, referenced by path, run', () => {
  const files = real('service-');
  it('finds them', () => expect(files).toHaveLength(3));

  /** What each file needs around it: a task definition it names, overrides for what its tool fills in. */
  const around: Record<string, { entry?: Record<string, unknown>; taskDefinitions: Record<string, unknown>[]; running?: number }> = {
    'service-awscli-create-service-classic-elb-input.json': {
      // The CLI example names task definition ecs-demo with container simple-demo on port 80.
      taskDefinitions: [{ family: 'ecs-demo', containerDefinitions: [{ name: 'simple-demo', image: 'amazon/amazon-ecs-sample', cpu: 100, memory: 256, portMappings: [{ containerPort: 80 }] }] }],
      running: 10,
    },
    'service-ecspresso-fargate-spot-capacity-provider-strategy.json': {
      // ecspresso fills in serviceName, taskDefinition and desiredCount from its own config: overrides here.
      entry: { serviceName: 'app', taskDefinition: 'app', desiredCount: 6 },
      taskDefinitions: [{ family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'app' }] }],
      running: 6,
    },
    'service-cfn-userguide-placement-constraints-distinctinstance-memberof.json': { taskDefinitions: [] },
  };

  it.each(files)('%s', (file) => {
    const setup = around[file];
    expect(setup, `a test setup for ${file}`).toBeDefined();
    const result = load({ taskDefinitions: setup.taskDefinitions, services: [{ file: pathFromScenario(file), ...setup.entry }] });
    if (file.startsWith('service-cfn-')) {
      // Cannot run as a service: the file is a CloudFormation template (Resources), not a CreateService input.
      // fromCloudFormation turns it into scenario parts (test/scenario/real-services.test.ts runs it that way).
      expect(messages(result)).toEqual([
        `services[0].file: "${pathFromScenario(file)}" is a CloudFormation template, not a service: take its parts with fromCloudFormation (docs/scenarios.md, CloudFormation)`,
      ]);
      return;
    }
    expect(messages(result)).toEqual([]);
    if (!result.ok) return;
    const r = simulate(result.spec, { check: true });
    expect(r.services[0].runningCount).toBe(setup.running);
  });
});
