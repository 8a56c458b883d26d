import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCloudFormation } from '../../src/scenario/cloudformation.js';
import { simulate } from '../../src/simulate.js';
import { problems, spec } from '../builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');
const read = (file: string) => JSON.parse(readFileSync(join(REAL, file), 'utf8'));

const cluster = { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], containerInstances: [{ instanceType: 'm5.large', count: 6 }] };

describe('real service definitions from public repositories load and run', () => {
  it('service-awscli-create-service-classic-elb-input.json: 10 tasks behind a Classic Load Balancer', () => {
    const service = read('service-awscli-create-service-classic-elb-input.json');
    // The CLI example names task definition ecs-demo with container simple-demo on port 80; supply it.
    const taskDefinition = { family: 'ecs-demo', containerDefinitions: [{ name: 'simple-demo', image: 'amazon/amazon-ecs-sample', cpu: 100, memory: 256, portMappings: [{ containerPort: 80 }] }] };
    const scenario = { name: 'awscli classic elb', duration: '1h', cluster, taskDefinitions: [taskDefinition], services: [service] };
    expect(problems(scenario)).toEqual([]);
    const r = simulate(spec(scenario), { check: true });
    expect(r.services[0]).toMatchObject({ serviceName: 'ecs-simple-service-elb', desiredCount: 10, runningCount: 10 });
    expect(r.serviceEvents.map((e) => e.message)).toContain('(service ecs-simple-service-elb) has reached a steady state.');
  });

  it('service-cfn-userguide-placement-constraints-distinctinstance-memberof.json: a CloudFormation template', () => {
    const template = read('service-cfn-userguide-placement-constraints-distinctinstance-memberof.json');
    expect(fromCloudFormation(template).missingParameters).toEqual(['HealthCheckGracePeriodSeconds', 'ServiceName', 'LoadBalancerName']);
    const parts = fromCloudFormation(template, { ServiceName: 'cfn-service', HealthCheckGracePeriodSeconds: '30', LoadBalancerName: 'cfn-elb' });
    expect(parts.missingParameters).toEqual([]);
    expect(parts.services[0]).toMatchObject({
      serviceName: 'cfn-service',
      taskDefinition: 'taskdefinition',
      desiredCount: 0,
      placementStrategy: [
        { type: 'binpack', field: 'memory' },
        { type: 'spread', field: 'host' },
      ],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone != us-east-1d' }, { type: 'distinctInstance' }],
    });
    // DesiredCount is 0 in the template (a stack creates the service empty); scale it as an UpdateService would.
    const scenario = {
      name: 'cfn userguide',
      duration: '1h',
      cluster: { ...cluster, availabilityZones: ['us-east-1a', 'us-east-1d'], containerInstances: [{ instanceType: 'm5.large', count: 6 }] },
      taskDefinitions: parts.taskDefinitions,
      services: parts.services,
      timeline: [{ at: '1m', updateService: { service: 'cfn-service', desiredCount: 5 } }],
    };
    expect(problems(scenario)).toEqual([]);
    const r = simulate(spec(scenario), { check: true });
    const running = r.tasks.filter((t) => t.lastStatus === 'RUNNING');
    // memberOf keeps tasks out of us-east-1d (3 of the 6 instances); distinctInstance allows one per instance.
    expect(running.every((t) => t.availabilityZone === 'us-east-1a')).toBe(true);
    expect(new Set(running.map((t) => t.containerInstanceId)).size).toBe(running.length);
    expect(running).toHaveLength(3);
    expect(r.serviceEvents.some((e) => e.message.includes('was unable to place a task'))).toBe(true);
  });

  it('service-ecspresso-fargate-spot-capacity-provider-strategy.json: FARGATE base 1 weight 1, FARGATE_SPOT weight 2', () => {
    const service = read('service-ecspresso-fargate-spot-capacity-provider-strategy.json');
    const taskDefinition = {
      family: 'app',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'app', image: 'app', portMappings: [{ containerPort: 80 }] }],
    };
    // ecspresso supplies serviceName, taskDefinition and desiredCount from its own config.
    const scenario = {
      name: 'ecspresso',
      duration: '1h',
      cluster: { ...cluster, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] },
      taskDefinitions: [taskDefinition],
      services: [{ serviceName: 'app', taskDefinition: 'app', desiredCount: 10, ...service }],
    };
    expect(problems(scenario)).toEqual([]);
    const r = simulate(spec(scenario), { check: true });
    expect(r.services[0]).toMatchObject({ runningCount: 10 });
    // 1 base on FARGATE, the other 9 split 1:2: FARGATE 4, FARGATE_SPOT 6.
    const on = (p: string) => r.tasks.filter((t) => t.capacityProvider === p && t.lastStatus === 'RUNNING').length;
    expect([on('FARGATE'), on('FARGATE_SPOT')]).toEqual([4, 6]);
    expect(r.tasks.every((t) => t.launchType === 'FARGATE' && t.eni && t.containerInstanceId === null)).toBe(true);
  });
});
