import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCloudFormation, parseCloudFormationYaml } from '../../src/scenario/cloudformation.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');
const text = (file: string) => readFileSync(join(REAL, file), 'utf8');

/** A service `name` (256 CPU units a task) offered `rps` requests a second (2.5 CPU units each, 20 idle), scaled by `autoScaling`. */
function scenario(name: string, rps: object, autoScaling: object, desired = 2) {
  const file = {
    name: 'real policies',
    duration: '1h',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.xlarge', count: 4 }] },
    taskDefinitions: [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'web', cpu: 256, memory: 512 }] }],
    services: [{ serviceName: name, taskDefinition: 'web', desiredCount: desired }],
    workload: { serviceLoad: [{ service: name, rate: rps, cpuUnitsPerRps: 2.5, baseCpuUnits: 20 }] },
    serviceAutoScaling: [autoScaling],
  };
  expect(problems(file)).toEqual([]);
  return simulate(spec(file), { check: true });
}
const steps = (r: ReturnType<typeof simulate>) => r.serviceScalingActivities.map((a) => [a.at / 60_000, a.from, a.to]);

describe('real Application Auto Scaling definitions load and run', () => {
  it('autoscaling-container-patterns-step-scaling-cpu-alarms.cfn.yml: +1/+2/+3 above 70% CPU, -1 at or below 20%, within [2, 10]', () => {
    const parts = fromCloudFormation(parseCloudFormationYaml(text('autoscaling-container-patterns-step-scaling-cpu-alarms.cfn.yml')));
    expect(parts.serviceAutoScaling).toHaveLength(1);
    const target = parts.serviceAutoScaling[0] as { service: string; minCapacity: number; maxCapacity: number; stepScalingPolicies: { alarm: object }[] };
    expect(target).toMatchObject({ service: 'nginx', minCapacity: 2, maxCapacity: 10 });
    expect(target.stepScalingPolicies.map((p) => p.alarm)).toEqual([
      // The template's ServiceName / ClusterName dimensions name the service the policy scales: left out.
      { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 20, ComparisonOperator: 'LessThanOrEqualToThreshold' },
      { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanOrEqualToThreshold' },
    ]);
    // 300 rps saturates 2 tasks (100% >= 95: +3 -> 5); 5 tasks run at (20 + 60 x 2.5) / 256 = 66%: no alarm.
    // At 30m the load drops to 20 rps: (20 + 4 x 2.5) / 256 = 12% <= 20, -1 a minute (Cooldown 60) down to the minimum 2.
    const r = scenario('nginx', { shape: 'step', rps: 300, steps: [{ at: '30m', rps: 20 }] }, target);
    expect(steps(r)).toEqual([[1, 2, 5], [31, 5, 4], [32, 4, 3], [33, 3, 2]]);
  });

  it('autoscaling-cfn-userguide-step-scaling-changeincapacity.json with the 70% threshold its docs assume: 80 -> +1, 90 -> +2, 97 -> +3', () => {
    const policy = JSON.parse(text('autoscaling-cfn-userguide-step-scaling-changeincapacity.json')).Resources.PolicyHigh.Properties;
    const first = (cpu: number) => {
      // 4 tasks at `cpu`% of 256 units: rps = 4 x (cpu% x 256 - 20) / 2.5.
      const rps = (4 * ((cpu / 100) * 256 - 20)) / 2.5;
      const r = scenario('web', { shape: 'constant', rps }, {
        service: 'web',
        minCapacity: 1,
        maxCapacity: 20,
        stepScalingPolicies: [{ PolicyName: policy.PolicyName, StepScalingPolicyConfiguration: policy.StepScalingPolicyConfiguration, alarm: { MetricName: 'CPUUtilization', EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanOrEqualToThreshold' } }],
      }, 4);
      return r.serviceScalingActivities[0].to - r.serviceScalingActivities[0].from;
    };
    expect([80, 90, 97].map(first)).toEqual([1, 2, 3]);
  });

  it('service-ecs-refarch-website-bridge-dynamic-port-step-scaling-alarms.cfn.yaml: its scalable target, two step policies and their alarms', () => {
    const parts = fromCloudFormation(parseCloudFormationYaml(text('service-ecs-refarch-website-bridge-dynamic-port-step-scaling-alarms.cfn.yaml')), { Cluster: 'web' });
    const target = parts.serviceAutoScaling[0] as { service: string; stepScalingPolicies: { PolicyName: string; alarm: { Statistic: string; EvaluationPeriods: number; Threshold: number } }[] };
    expect(target).toMatchObject({ service: 'Service', minCapacity: 2, maxCapacity: 3 });
    expect(target.stepScalingPolicies.map((p) => [p.PolicyName, p.alarm.Statistic, p.alarm.EvaluationPeriods, p.alarm.Threshold])).toEqual([
      ['ServiceScaleOutPolicy', 'Maximum', 3, 90],
      ['ServiceScaleInPolicy', 'Maximum', 10, 70],
    ]);
    // Sustained load above 90%: 3 tasks 3 minutes into the breach, then no more (maximum 3, Cooldown 1800).
    const r = scenario('Service', { shape: 'constant', rps: 200 }, target);
    expect(steps(r)).toEqual([[3, 2, 3]]);
  });

  it('a template\'s SuspendedState, and an alarm on a cluster metric, keep their meaning', () => {
    const template = {
      Resources: {
        Target: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { ResourceId: 'service/default/web', MinCapacity: '1', MaxCapacity: '8', SuspendedState: { DynamicScalingInSuspended: true } } },
        Up: { Type: 'AWS::ApplicationAutoScaling::ScalingPolicy', Properties: { PolicyName: 'up', PolicyType: 'StepScaling', ScalingTargetId: { Ref: 'Target' }, StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: 1 }] } } },
        Low: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: { Namespace: 'AWS/ECS', MetricName: 'CPUReservation', Dimensions: [{ Name: 'ClusterName', Value: 'default' }], Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'LessThanThreshold', AlarmActions: [{ Ref: 'Up' }] },
        },
      },
    };
    const target = fromCloudFormation(template).serviceAutoScaling[0] as { suspendedState: object; stepScalingPolicies: { alarm: object }[] };
    expect(target.suspendedState).toEqual({ DynamicScalingInSuspended: true });
    expect(target.stepScalingPolicies[0].alarm).toMatchObject({ Namespace: 'AWS/ECS', MetricName: 'CPUReservation', Dimensions: [{ Name: 'ClusterName', Value: 'default' }] });
    // 2 tasks of 256 units on 4 m5.xlarge (4 x 4096) reserve 3.1%: below 10%, +1 every Cooldown (300 s) until
    // 7 tasks reserve 10.9%.
    const r = scenario('web', { shape: 'constant', rps: 10 }, target);
    expect(steps(r)).toEqual([[1, 2, 3], [6, 3, 4], [11, 4, 5], [16, 5, 6], [21, 6, 7]]);
  });
});
