import { describe, expect, it } from 'vitest';
import { routeRequest, type Listener } from '../../src/model/load-balancing.js';
import { problems } from '../builders.js';
import { run, serviceScenario, steps, web } from './builders.js';

/** The service scenario behind an ALB target group `web-tg` (instance targets: bridge, dynamic ports). */
function behindAlb(options: { targetGroup?: Record<string, unknown>; service?: Record<string, unknown>; [key: string]: unknown } = {}) {
  const { targetGroup, service, ...rest } = options;
  return {
    ...serviceScenario({ service: { loadBalancers: [{ targetGroupArn: 'web-tg', containerName: 'web', containerPort: 80 }], ...service }, ...rest }),
    loadBalancing: {
      loadBalancers: [{ Name: 'web-alb', Type: 'application', Listeners: [{ Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: 'web-tg' }] }] }],
      targetGroups: [{ Name: 'web-tg', Port: 80, HealthCheckIntervalSeconds: 10, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '60' }], ...targetGroup }],
    },
  };
}

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg/ecsim';

describe('load balancers', () => {
  it('registers each task as instance:hostPort in ACTIVATING; healthy after one passing check', () => {
    const r = run(behindAlb({ service: { desiredCount: 2 } }));
    expect(steps(r).slice(0, 3)).toEqual(['start 2', `registered 2 targets in (target-group ${ARN})`, '(deployment ecs-svc/0001) deployment completed.']);
    const completed = r.serviceEvents.find((e) => e.message.includes('deployment completed'))!;
    // pending 5 s, then ACTIVATING (registered) 1 s; the first check passes 10 s after registration.
    expect(completed.at).toBe(5_000 + 10_000);
  });

  it('a stopping task drains through the deregistration delay in DEACTIVATING', () => {
    const r = run(behindAlb({ timeline: [{ at: '30m', updateService: { service: 'web', desiredCount: 3 } }] }));
    const stopped = r.tasks.find((t) => t.stopCode === 'ServiceSchedulerInitiated')!;
    // deactivating waits the 60 s delay, then stopping (2 s) and deprovisioning (0 s).
    expect(stopped.stoppedAt! - stopped.stoppingAt!).toBe(60_000 + 2_000);
    expect(steps(r, 30 * 60_000)).toContain(`deregistered 1 targets in (target-group ${ARN})`);
  });

  it('a task failing its health checks is stopped and replaced; a bad deployment trips the circuit breaker', () => {
    const r = run(
      behindAlb({
        service: { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } },
        taskBehavior: [{ taskDefinition: 'web:2', healthCheckFailureProbability: 1 }],
        timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
      }),
    );
    const bad = r.tasks.filter((t) => t.taskDefinition === 'web:2');
    expect(bad.length).toBeGreaterThanOrEqual(3);
    expect(bad.every((t) => t.stoppedReason === `Task failed ELB health checks in (target-group ${ARN})`)).toBe(true);
    // Unhealthy after UnhealthyThresholdCount (2) failed checks at 10 s: 20 s after registration.
    expect(bad[0].stoppingAt! - bad[0].createdAt).toBe(5_000 + 20_000);
    expect(r.deployments.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([
      ['web:1', 'COMPLETED'],
      ['web:2', 'FAILED'],
      ['web:1', 'COMPLETED'],
    ]);
    expect(r.serviceEvents.some((e) => e.message.includes('is unhealthy in (target-group'))).toBe(true);
  });

  it('the health check grace period holds off the stop until it ends', () => {
    const r = run(behindAlb({ service: { desiredCount: 1, healthCheckGracePeriodSeconds: 120 }, taskBehavior: [{ taskDefinition: 'web', healthCheckFailureProbability: 1 }], duration: '10m' }));
    const first = r.tasks[0];
    expect(first.stoppingAt! - first.startedAt!).toBe(120_000);
  });

  it('rejects what ECS and ELB reject', () => {
    expect(problems(behindAlb({ service: { loadBalancers: [{ targetGroupArn: 'web-tg', containerName: 'web', containerPort: 8080 }] } }))).toEqual([
      'services[0].loadBalancers[0]: The container web did not have a container port 8080 defined.',
    ]);
    expect(problems(behindAlb({ targetGroup: { TargetType: 'ip' } }))).toEqual([
      `services[0].loadBalancers[0]: The provided target group ${ARN} has target type ip, which is incompatible with the bridge network mode specified in the task definition.`,
    ]);
    const nlb = behindAlb();
    nlb.loadBalancing.loadBalancers = [
      {
        Name: 'web-nlb',
        Type: 'network',
        Listeners: [{ Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: 'web-tg' }], Rules: [{ Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: 'web-tg' }] }] } as never],
      },
    ];
    expect(problems(nlb)).toEqual([
      'loadBalancing.loadBalancers[0].Listeners[0].Rules: Network Load Balancers do not support listener rules (path- or host-based routing); use an Application Load Balancer',
    ]);
    expect(problems(behindAlb({ service: { loadBalancers: [{ targetGroupArn: 'nope', containerName: 'web', containerPort: 80 }] } }))).toEqual([
      'services[0].loadBalancers[0].targetGroupArn: unknown target group "nope" (target groups: web-tg)',
    ]);
  });

  it('a Classic Load Balancer named by the service is simulated with its defaults, with a note', () => {
    const scenario = serviceScenario({ service: { desiredCount: 1, loadBalancers: [{ loadBalancerName: 'legacy-elb', containerName: 'web', containerPort: 80 }] } });
    const r = run(scenario);
    expect(r.serviceEvents.map((e) => e.message)).toContain('(service web) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/legacy-elb)');
    expect(r.notes.map((n) => n.path)).toContain('services[0].loadBalancers[0].loadBalancerName');
  });
});

describe('container health checks', () => {
  const withHealthCheck = (healthCheck: object) => [
    { family: 'web', containerDefinitions: [{ ...web('web:1').containerDefinitions[0], healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], ...healthCheck } }] },
  ];

  it('healthy one interval after the start period', () => {
    const r = run(serviceScenario({ service: { desiredCount: 1 }, taskDefinitions: withHealthCheck({ interval: 10, startPeriod: 20 }), duration: '10m' }));
    const completed = r.serviceEvents.find((e) => e.message.includes('deployment completed'))!;
    expect(completed.at - r.tasks[0].startedAt!).toBe(30_000);
  });

  it('a failing container is stopped after its retries', () => {
    const r = run(
      serviceScenario({
        service: { desiredCount: 1 },
        taskDefinitions: withHealthCheck({ interval: 10, retries: 3 }),
        taskBehavior: [{ taskDefinition: 'web', healthCheckFailureProbability: 1 }],
        duration: '10m',
      }),
    );
    expect(r.tasks[0].stoppedReason).toBe('Task failed container health checks');
    expect(r.tasks[0].stoppingAt! - r.tasks[0].startedAt!).toBe(30_000);
  });
});

describe('ALB listener rules', () => {
  const listener: Listener = {
    protocol: 'HTTP',
    port: 80,
    defaultTargetGroup: 'web',
    rules: [
      { priority: 20, conditions: [{ field: 'path-pattern', values: ['/api/*'] }], targetGroup: 'api' },
      { priority: 10, conditions: [{ field: 'host-header', values: ['admin.example.com'] }, { field: 'path-pattern', values: ['/api/*', '/admin*'] }], targetGroup: 'admin' },
      { priority: 30, conditions: [{ field: 'host-header', values: ['*.static.example.com'] }], targetGroup: 'static' },
    ],
  };
  it.each([
    [{ path: '/api/orders' }, 'api'],
    [{ host: 'ADMIN.example.com', path: '/api/orders' }, 'admin'],
    [{ host: 'admin.example.com', path: '/' }, 'web'],
    [{ host: 'img.static.example.com', path: '/logo.png' }, 'static'],
    [{ path: '/API/orders' }, 'web'],
    [{}, 'web'],
  ])('%o -> %s', (request, group) => {
    expect(routeRequest(listener, request)).toBe(group);
  });
});

describe('service discovery (Cloud Map)', () => {
  it('healthy tasks register; stopping ones deregister; the count is a series', () => {
    const scenario = {
      ...serviceScenario({
        service: { desiredCount: 3, serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:1:service/srv-web123' }] },
        timeline: [{ at: '30m', updateService: { service: 'web', desiredCount: 1 } }],
      }),
      serviceDiscovery: { namespaces: [{ Name: 'internal.local' }], services: [{ Name: 'web', Namespace: 'internal.local', Id: 'srv-web123' }] },
    };
    const r = run(scenario);
    const instances = r.series.byDiscoveryService['internal.local/web'].instances;
    expect([instances[0], instances[1], instances[29], instances[31]]).toEqual([0, 3, 3, 1]);
  });

  it('an unknown registry is rejected', () => {
    const scenario = { ...serviceScenario({ service: { serviceRegistries: [{ registryArn: 'nope' }] } }) };
    expect(problems(scenario)).toEqual(['services[0].serviceRegistries[0].registryArn: unknown Cloud Map service "nope" (serviceDiscovery.services: none)']);
  });
});
