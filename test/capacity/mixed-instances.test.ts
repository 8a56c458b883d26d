import { describe, expect, it } from 'vitest';
import { instanceTypeBounds } from '../../src/capacity/instance-type-bounds.js';
import { instanceType } from '../../src/model/instance-types.js';
import { registeredMemoryMiB } from '../../src/model/registered-resources.js';
import { fromCloudFormation } from '../../src/scenario/cloudformation.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';
import { asgScenario } from './builders.js';

const run = (scenario: object) => simulate(spec(scenario), { check: true });
const types = (...names: string[]) => names.map((n) => instanceType(n)!);
const burst = (count: number) => ({ taskDefinition: 'job', count, arrivals: { process: 'explicit', at: ['5m'] }, duration: '30m' });

describe('mixed instance types: what managed scaling estimates with', () => {
  it('the smallest and largest of each parameter (vCPU, memory, ENIs) over the group', () => {
    const { smallest, largest } = instanceTypeBounds(types('c5.large', 'm5.xlarge', 'r5.large'));
    expect([smallest.vcpu, smallest.memoryMiB, smallest.maxEnis]).toEqual([2, 4096, 3]);
    expect([largest.vcpu, largest.memoryMiB, largest.maxEnis]).toEqual([4, 16_384, 4]);
    expect(registeredMemoryMiB(smallest)).toBe(registeredMemoryMiB(instanceType('c5.large')!));
    expect(registeredMemoryMiB(largest)).toBe(Math.max(registeredMemoryMiB(instanceType('m5.xlarge')!), registeredMemoryMiB(instanceType('r5.large')!)));
    const [one] = types('m5.large');
    expect(instanceTypeBounds([one])).toEqual({ smallest: one, largest: one });
  });

  it('the estimate uses the largest type: a group that launches small instances scales out again', () => {
    // 8 tasks of 1 vCPU / 2 GiB. c5.large (2 vCPU, ~4 GiB) takes 1; the largest of the group (4 vCPU, 16 GiB) 4.
    const job = [{ family: 'job', containerDefinitions: [{ name: 'job', image: 'job', cpu: 1024, memory: 2048 }] }];
    const single = run(asgScenario({ taskDefinitions: job, asg: { instanceType: 'c5.large' }, runTasks: [burst(8)], duration: '1h' }));
    const mixed = run(asgScenario({ taskDefinitions: job, asg: { instanceType: undefined, instanceTypes: ['c5.large', 'm5.xlarge'] }, runTasks: [burst(8)], duration: '1h' }));
    expect(single.scalingActivities[0]).toMatchObject({ from: 0, to: 8 });
    expect(mixed.scalingActivities[0]).toMatchObject({ from: 0, to: 2 });
    // prioritized: every instance is the first type; the estimate keeps catching up until all tasks run.
    expect(new Set(mixed.instances.map((i) => i.instanceType))).toEqual(new Set(['c5.large']));
    expect(mixed.scalingActivities.filter((a) => a.to > a.from).length).toBeGreaterThan(1);
    expect(mixed.tasks.every((t) => t.startedAt !== null)).toBe(true);
  });

  it('the guard: tasks bigger than the smallest type are left out: no scale-out, they wait and time out', () => {
    const big = [{ family: 'job', containerDefinitions: [{ name: 'job', image: 'job', cpu: 1024, memory: 6144 }] }];
    const r = run(asgScenario({
      taskDefinitions: big,
      asg: { instanceType: undefined, instanceTypes: ['c5.large', 'm5.large'] },
      runTasks: [burst(3)],
      simulation: { capacity: { provisioningTimeout: '20m' } },
      duration: '1h',
    }));
    expect(r.scalingActivities).toEqual([]);
    expect(r.tasks.every((t) => t.stopCode === 'TaskFailedToStart')).toBe(true);
    expect(Math.max(...r.series.byCapacityProvider.asg.reservation)).toBe(100);
  });

  it('lowest-price launches the cheapest type at the scenario\'s prices', () => {
    const launched = (extra: object) => {
      const r = run(asgScenario({ asg: { instanceType: undefined, instanceTypes: ['m5.large', 'c5.large'], allocationStrategy: 'lowest-price' }, runTasks: [burst(2)], duration: '20m', ...extra }));
      return [...new Set(r.instances.map((i) => i.instanceType))];
    };
    expect(launched({})).toEqual(['c5.large']);
    const file = { ...asgScenario({ asg: { instanceType: undefined, instanceTypes: ['m5.large', 'c5.large'], allocationStrategy: 'lowest-price' }, runTasks: [burst(2)], duration: '20m' }), prices: { ec2: { 'c5.large': 0.2 } } };
    expect([...new Set(run(file).instances.map((i) => i.instanceType))]).toEqual(['m5.large']);
  });

  it('one of instanceType and instanceTypes; every type known', () => {
    const path = 'cluster.capacityProviders[0].autoScalingGroup';
    expect(problems(asgScenario({ asg: { instanceTypes: ['c5.large'] } }))).toEqual([`${path}.instanceType: expected either instanceType or instanceTypes (a mixed instances policy), not both or neither`]);
    expect(problems(asgScenario({ asg: { instanceType: undefined, instanceTypes: ['c5.large', 'z9.huge'] } }))).toEqual([`${path}.instanceTypes[1]: unknown instance type "z9.huge"`]);
  });

  it('a CloudFormation MixedInstancesPolicy becomes instanceTypes and its on-demand allocation strategy', () => {
    const template = {
      Resources: {
        Group: {
          Type: 'AWS::AutoScaling::AutoScalingGroup',
          Properties: {
            MinSize: '0',
            MaxSize: '10',
            MixedInstancesPolicy: {
              InstancesDistribution: { OnDemandAllocationStrategy: 'lowest-price' },
              LaunchTemplate: { Overrides: [{ InstanceType: 'm5.large' }, { InstanceType: 'c5.large' }] },
            },
          },
        },
        Provider: {
          Type: 'AWS::ECS::CapacityProvider',
          Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Group' }, ManagedScaling: { Status: 'ENABLED' } } },
        },
      },
    };
    const parts = fromCloudFormation(template);
    expect(parts.capacityProviders[0].autoScalingGroup).toEqual({ instanceTypes: ['m5.large', 'c5.large'], allocationStrategy: 'lowest-price', minSize: 0, maxSize: 10, desiredCapacity: 0 });
  });
});
