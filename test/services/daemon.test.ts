import { describe, expect, it } from 'vitest';
import { problems } from '../builders.js';
import { run, serviceScenario, steps } from './builders.js';

const daemon = (extra: Record<string, unknown> = {}) => ({ schedulingStrategy: 'DAEMON', desiredCount: undefined, ...extra });

describe('DAEMON services', () => {
  it('run one task on every ACTIVE instance', () => {
    const r = run(serviceScenario({ instances: 3, service: daemon() }));
    expect(r.tasks.map((t) => t.containerInstanceId).sort()).toEqual(['i-0001', 'i-0002', 'i-0003']);
    expect(r.services[0]).toMatchObject({ desiredCount: 3, runningCount: 3 });
  });

  it('only on instances that satisfy the memberOf constraints', () => {
    const scenario = serviceScenario({ instances: 1, service: daemon({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == edge' }] }) });
    scenario.cluster.containerInstances.push({ instanceType: 'm5.large', count: 2, attributes: { role: 'edge' } } as never);
    const r = run(scenario);
    expect(r.tasks.map((t) => t.containerInstanceId).sort()).toEqual(['i-0002', 'i-0003']);
  });

  it('a deployment replaces each instance\'s task: the old one stops first (0% minimum healthy)', () => {
    const r = run(serviceScenario({ instances: 2, service: daemon(), timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }] }));
    expect(steps(r, 30 * 60_000).filter((s) => /^(start|stop) /.test(s))).toEqual(['stop 2', 'start 2']);
    expect(r.deployments.map((d) => d.rolloutState)).toEqual(['COMPLETED', 'COMPLETED']);
  });

  it('rejects placement strategies and a maximumPercent other than 100, as the API does', () => {
    expect(problems(serviceScenario({ service: daemon({ placementStrategy: [{ type: 'binpack', field: 'cpu' }] }) }))).toEqual([
      'services[0].placementStrategy: Placement strategies are not supported with the DAEMON scheduling strategy.',
    ]);
    expect(problems(serviceScenario({ service: daemon({ deploymentConfiguration: { maximumPercent: 200 } }) }))).toEqual([
      'services[0].deploymentConfiguration.maximumPercent: The maximumPercent of a DAEMON service must be 100.',
    ]);
  });

  it('a REPLICA service needs a desiredCount', () => {
    expect(problems(serviceScenario({ service: { desiredCount: undefined } }))).toEqual(['services[0].desiredCount: required: a REPLICA service needs a desiredCount']);
  });
});
