import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');
/** The target group the real ALB policy's ResourceLabel names. */
const API_TG = 'EC2Co-Defau-LDNM7Q3ZH1ZN';

/**
 * An ALB whose listener sends /api/* to the api service's target group and everything else to the
 * static service's; requests arrive 3 : 1 api : static.
 */
function front(options: { rps?: object; policies?: object[]; stepPolicies?: object[]; apiDesired?: number; extra?: object } = {}) {
  const container = (name: string) => ({ name, image: name, cpu: 256, memory: 512, portMappings: [{ containerPort: 8080, hostPort: 0 }] });
  return {
    name: 'front door',
    duration: '90m',
    cluster: { clusterName: 'shop', availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.large', count: 8 }] },
    taskDefinitions: [
      { family: 'api', containerDefinitions: [container('api')] },
      { family: 'static', containerDefinitions: [container('static')] },
    ],
    services: [
      { serviceName: 'api', taskDefinition: 'api', desiredCount: options.apiDesired ?? 4, loadBalancers: [{ targetGroupArn: API_TG, containerName: 'api', containerPort: 8080 }] },
      { serviceName: 'static', taskDefinition: 'static', desiredCount: 2, loadBalancers: [{ targetGroupArn: 'static-tg', containerName: 'static', containerPort: 8080 }] },
    ],
    loadBalancing: {
      loadBalancers: [
        {
          Name: 'front',
          Listeners: [
            {
              Port: 80,
              DefaultActions: [{ Type: 'forward', TargetGroupArn: 'static-tg' }],
              Rules: [{ Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: API_TG }] }],
            },
          ],
        },
      ],
      targetGroups: [
        { Name: API_TG, Port: 8080, HealthCheckIntervalSeconds: 10 },
        { Name: 'static-tg', Port: 8080, HealthCheckIntervalSeconds: 10 },
      ],
    },
    workload: {
      loadBalancerRequests: [
        { loadBalancer: 'front', rate: options.rps ?? { shape: 'constant', rps: 200 }, mix: [{ path: '/api/orders', weight: 3 }, { path: '/index.html', weight: 1 }] },
      ],
      serviceLoad: [{ service: 'api', cpuUnitsPerRps: 2, baseCpuUnits: 16, memoryMiBPerRps: 1, baseMemoryMiB: 128 }],
    },
    serviceAutoScaling: options.policies || options.stepPolicies ? [{ service: 'api', minCapacity: 1, maxCapacity: 20, targetTrackingPolicies: options.policies ?? [], stepScalingPolicies: options.stepPolicies ?? [] }] : [],
    ...options.extra,
  };
}
const run = (scenario: object) => simulate(spec(scenario), { check: true });
const at = (r: ReturnType<typeof run>, minute: number) => r.series.t.indexOf(minute * 60_000);

describe('requests routed by ALB listener rules to target groups, spread over healthy targets', () => {
  const r = run(front());
  const api = r.series.serviceMetrics.api;
  const statics = r.series.serviceMetrics.static;

  it('the listener sends 3/4 of the requests (/api/*) to api, the rest (default action) to static', () => {
    expect(api.requestRate[at(r, 20)]).toBe(150);
    expect(statics.requestRate[at(r, 20)]).toBe(50);
    expect(r.series.byLoadBalancer.front.requestRate[at(r, 20)]).toBe(200);
    expect(r.series.byLoadBalancer.front.failedRate[at(r, 20)]).toBe(0);
  });

  it('RequestCountPerTarget is the minute\'s requests over the healthy targets (150 rps x 60 / 4)', () => {
    expect(api.requestCountPerTarget[at(r, 20)]).toBe(2250);
    expect(api.cpuUtilization[at(r, 20)]).toBeCloseTo(((16 + 37.5 * 2) * 100) / 256, 2);
  });

  it('while a group has no healthy target its requests fail (503) and count as over capacity', () => {
    // Tasks run within the first minute; with 90 s checks the targets turn healthy only in minute 2.
    const slow = front();
    slow.loadBalancing.targetGroups.forEach((g) => (g.HealthCheckIntervalSeconds = 90));
    const s = run(slow);
    expect(s.series.byLoadBalancer.front.failedRate[at(s, 1)]).toBe(200);
    expect(s.series.serviceMetrics.api.requestsOverCapacity[at(s, 1)]).toBe(150);
    expect(s.series.serviceMetrics.static.requestsOverCapacity[at(s, 1)]).toBe(50);
    expect(s.series.serviceMetrics.static.requestsOverCapacity[at(s, 20)]).toBe(0);
    expect(s.series.byLoadBalancer.front.failedRate[at(s, 20)]).toBe(0);
  });

  it('cluster CPUUtilization counts what api tasks use and what the static tasks (no load model) reserve', () => {
    // 8 m5.large register 2048 CPU units each; api: 4 tasks x (16 + 37.5 x 2) units; static: 2 x 256 reserved.
    expect(r.series.cpuUtilization[at(r, 20)]).toBeCloseTo(((4 * (16 + 75) + 2 * 256) * 100) / (8 * 2048), 2);
    expect(r.series.cpuReservation[at(r, 20)]).toBeCloseTo((6 * 256 * 100) / (8 * 2048), 1);
    expect(r.series.cpuUtilization[0]).toBeNull();
  });

  it('the real ALBRequestCountPerTarget policy (scale-out only) follows its ResourceLabel\'s target group', () => {
    const policy = JSON.parse(readFileSync(join(REAL, 'autoscaling-awscli-target-tracking-alb-request-count-scaleout-only.json'), 'utf8'));
    // 150 api rps x 60 = 9000 a minute; the target is 1000 per target: ceil(4 x 2250 / 1000) = 9 tasks.
    const alb = run(front({ policies: [policy] }));
    const outs = alb.serviceScalingActivities.filter((a) => a.service === 'api');
    expect(outs[0]).toMatchObject({ from: 4, to: 9 });
    expect(outs[0].cause).toContain('AlarmHigh');
    expect(outs.every((a) => a.to > a.from)).toBe(true);
    expect(alb.serviceScalingPolicies[0].metric).toEqual({
      namespace: 'AWS/ApplicationELB',
      metricName: 'RequestCountPerTarget',
      dimensions: { TargetGroup: `targetgroup/${API_TG}/ecsim` },
      statistic: 'Sum',
      periodSeconds: 60,
    });
  });

  it('a ResourceLabel naming a target group the load balancer does not forward to is rejected', () => {
    const policy = { TargetValue: 100, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'app/front/abc/targetgroup/nowhere/def' } };
    expect(problems(front({ policies: [policy] }))).toEqual([
      expect.stringMatching(/^serviceAutoScaling\[0\]\.targetTrackingPolicies\[0\]: ecsim publishes no metric AWS\/ApplicationELB RequestCountPerTarget \{TargetGroup=targetgroup\/nowhere\/ecsim\}/),
    ]);
  });

  it('requests name a load balancer and listener that exist', () => {
    const bad = (request: object) => problems(front({ extra: { workload: { loadBalancerRequests: [{ rate: { shape: 'constant', rps: 1 }, ...request }] } } }));
    expect(bad({ loadBalancer: 'back' })).toEqual(['workload.loadBalancerRequests[0].loadBalancer: unknown load balancer "back" (load balancers: front)']);
    expect(bad({ loadBalancer: 'front', port: 443 })).toEqual(['workload.loadBalancerRequests[0].port: load balancer "front" has no listener on port 443 (listener ports: 80)']);
  });
});

describe('custom metrics: target tracking and step scaling on any metric ecsim publishes', () => {
  it('target tracking on TargetResponseTime (a CustomizedMetricSpecification) scales api out until responses are fast', () => {
    // 4 api tasks serve up to 120 rps each; at 400 api rps each is offered 100: 50 ms x 1 / (1 - 100/120) = 300 ms.
    const policy = {
      TargetValue: 0.1,
      CustomizedMetricSpecification: { Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Dimensions: [{ Name: 'TargetGroup', Value: `targetgroup/${API_TG}/0123456789abcdef` }], Statistic: 'Average' },
      ScaleOutCooldown: 60,
    };
    const r = run(front({ rps: { shape: 'constant', rps: 400 * (4 / 3) }, policies: [policy] }));
    expect(r.series.serviceMetrics.api.latencyMs[at(r, 3)]).toBeCloseTo(300, 0);
    const outs = r.serviceScalingActivities.filter((a) => a.to > a.from);
    // ceil(4 x 0.3 / 0.1) = 12.
    expect(outs[0]).toMatchObject({ from: 4, to: 12 });
    expect(r.series.serviceMetrics.api.latencyMs.at(-1)!).toBeLessThan(100);
  });

  it('a step scaling alarm on the cluster\'s CPUReservation (AWS/ECS, ClusterName only) adds tasks while it breaches', () => {
    const step = {
      // Below the threshold: the step's bounds are relative to it, so its upper bound is 0.
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: 1 }], Cooldown: 60 },
      alarm: { Namespace: 'AWS/ECS', MetricName: 'CPUReservation', Dimensions: [{ Name: 'ClusterName', Value: 'shop' }], Statistic: 'Maximum', EvaluationPeriods: 2, Threshold: 10, ComparisonOperator: 'LessThanThreshold' },
    };
    // 6 tasks of 256 on 16,384 units reserve 9.4% < 10%: one more task a minute (cooldown 60 s) until 7 tasks reserve 10.9%.
    const r = run(front({ stepPolicies: [step] }));
    const activities = r.serviceScalingActivities.filter((a) => a.service === 'api');
    expect(activities.map((a) => [a.from, a.to])).toEqual([[4, 5]]);
    expect(activities[0].cause).toContain('CPUReservation-api-step-scaling-1');
    expect(activities[0].cooldownEndsAt).toBe(activities[0].at + 60_000);
  });

  it('a percentile statistic (ExtendedStatistic) over a 5-minute period', () => {
    const step = {
      StepScalingPolicyConfiguration: { AdjustmentType: 'ExactCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 6 }] },
      alarm: { MetricName: 'CPUUtilization', ExtendedStatistic: 'p90', Period: 300, EvaluationPeriods: 1, Threshold: 30, ComparisonOperator: 'GreaterThanThreshold' },
    };
    const r = run(front({ stepPolicies: [step] }));
    // The first whole 5-minute period ends at 5 min; api's CPU is 35.5% from its targets' first healthy minute on.
    expect(r.serviceScalingActivities.filter((a) => a.service === 'api').map((a) => [a.at / 60_000, a.from, a.to])).toEqual([[5, 4, 6]]);
  });

  it('a metric ecsim does not publish is rejected with its path', () => {
    const policy = { TargetValue: 10, CustomizedMetricSpecification: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'jobs' }], Statistic: 'Average' } };
    expect(problems(front({ policies: [policy] }))).toEqual([
      expect.stringMatching(/^serviceAutoScaling\[0\]\.targetTrackingPolicies\[0\]: ecsim publishes no metric AWS\/SQS ApproximateNumberOfMessagesVisible \{QueueName=jobs\}/),
    ]);
    expect(problems(front({ policies: [{ TargetValue: 10 }] }))).toEqual(['serviceAutoScaling[0].targetTrackingPolicies[0]: expected exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification']);
  });
});
