import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCloudFormation, parseCloudFormationYaml } from '../../src/scenario/cloudformation.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');
const text = (file: string) => readFileSync(join(REAL, file), 'utf8');
const job = { family: 'job', containerDefinitions: [{ name: 'job', image: 'job', cpu: 1024, memory: 2048 }] };
const burst = { taskDefinition: 'job', count: 8, arrivals: { process: 'explicit', at: ['5m'] }, duration: '20m' };

function run(scenario: object) {
  expect(problems(scenario)).toEqual([]);
  return simulate(spec(scenario), { check: true });
}

describe('real capacity provider definitions load and run', () => {
  it('capacityprovider-cfn-userguide-managed-scaling.json (its Auto Scaling group is an ARN: supply the group)', () => {
    const parts = fromCloudFormation(JSON.parse(text('capacityprovider-cfn-userguide-managed-scaling.json')));
    expect(parts.capacityProviders).toHaveLength(1);
    const provider = { ...parts.capacityProviders[0], autoScalingGroup: { instanceType: 'm5.large', maxSize: 10 } };
    const r = run({
      name: 'userguide provider',
      duration: '1h',
      cluster: { capacityProviders: [provider], defaultCapacityProviderStrategy: [{ capacityProvider: 'MyCapacityProvider', weight: 1 }] },
      taskDefinitions: [job],
      workload: { runTasks: [burst] },
    });
    // MaximumScalingStepSize 10, TargetCapacity 100: 8 tasks of 1 vCPU need 4 m5.large.
    expect(r.scalingActivities[0]).toMatchObject({ capacityProvider: 'MyCapacityProvider', from: 0, to: 4 });
    expect(r.tasks.every((t) => t.startedAt !== null)).toBe(true);
  });

  it('capacityprovider-container-patterns-single-az-asg-managed-scaling.cfn.yml: the template\'s own group (c5.xlarge, 0 to 100)', () => {
    const parts = fromCloudFormation(parseCloudFormationYaml(text('capacityprovider-container-patterns-single-az-asg-managed-scaling.cfn.yml')));
    expect(parts.capacityProviders[0]).toMatchObject({ name: 'CapacityProvider', autoScalingGroup: { instanceType: 'c5.xlarge', minSize: 0, maxSize: 100, desiredCapacity: 0 } });
    const r = run({
      name: 'single az',
      duration: '1h',
      cluster: { availabilityZones: ['us-east-1a'], capacityProviders: parts.capacityProviders, defaultCapacityProviderStrategy: [{ capacityProvider: 'CapacityProvider', weight: 1 }] },
      taskDefinitions: [job],
      workload: { runTasks: [burst] },
    });
    // c5.xlarge registers 4096 CPU units but about 8,040 MiB: three 2 GiB tasks each, so 8 tasks need 3.
    expect(r.scalingActivities[0]).toMatchObject({ from: 0, to: 3 });
  });

  it('capacityprovider-container-patterns-cluster-default-strategy-3az.cfn.yml: three equal weights split 35 tasks 12 / 12 / 11', () => {
    const parts = fromCloudFormation(parseCloudFormationYaml(text('capacityprovider-container-patterns-cluster-default-strategy-3az.cfn.yml')), {
      CapacityProvider00: 'cp-a',
      CapacityProvider01: 'cp-b',
      CapacityProvider02: 'cp-c',
      ClusterName: 'web',
    });
    const provider = (name: string, zone: string) => ({
      name,
      autoScalingGroupProvider: { managedScaling: { status: 'ENABLED', instanceWarmupPeriod: 60 } },
      autoScalingGroup: { instanceType: 'm5.xlarge', maxSize: 20, availabilityZones: [zone] },
    });
    const r = run({
      name: '3az default strategy',
      duration: '30m',
      cluster: {
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        capacityProviders: [provider('cp-a', 'us-east-1a'), provider('cp-b', 'us-east-1b'), provider('cp-c', 'us-east-1c')],
        defaultCapacityProviderStrategy: parts.defaultCapacityProviderStrategy,
      },
      taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
      services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 35 }],
    });
    const on = (p: string) => r.tasks.filter((t) => t.capacityProvider === p).length;
    expect([on('cp-a'), on('cp-b'), on('cp-c')]).toEqual([12, 12, 11]);
    expect(r.services[0].runningCount).toBe(35);
  });
});
