import { describe, expect, it } from 'vitest';
import { problems } from '../builders.js';
import { run, serviceScenario, web } from './builders.js';

describe('the CI/CD pipeline: source -> build -> push -> deploy', () => {
  it('after the stages, registers a revision with the new image and deploys it', () => {
    const r = run(serviceScenario({ taskDefinitions: [web('web:1')], timeline: [{ at: '10m', pushImage: { service: 'web', image: 'web:2' } }] }));
    expect(r.pipelines).toEqual([
      {
        id: 'pipeline-001',
        service: 'web',
        image: 'web:2',
        startedAt: 600_000,
        sourceDoneAt: 630_000,
        buildDoneAt: 930_000,
        pushDoneAt: 990_000,
        taskDefinition: 'web:2',
        deploymentId: 'ecs-svc/0002',
      },
    ]);
    expect(r.deployments.map((d) => [d.taskDefinition, d.rolloutState, d.createdAt])).toEqual([
      ['web:1', 'COMPLETED', 0],
      ['web:2', 'COMPLETED', 990_000],
    ]);
    expect(new Set(r.tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskDefinition))).toEqual(new Set(['web:2']));
  });

  it('a bad image pushed by the pipeline trips the circuit breaker and rolls back', () => {
    const r = run(
      serviceScenario({
        taskDefinitions: [web('web:1')],
        service: { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } },
        taskBehavior: [{ image: 'web:broken', startFailureProbability: 1, startFailureReason: 'CannotStartContainerError: exec format error' }],
        timeline: [{ at: '10m', pushImage: { service: 'web', image: 'web:broken', build: { dist: 'uniform', min: '2m', max: '4m' } } }],
      }),
    );
    expect(r.deployments.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([
      ['web:1', 'COMPLETED'],
      ['web:2', 'FAILED'],
      ['web:1', 'COMPLETED'],
    ]);
    const build = r.pipelines[0].buildDoneAt! - r.pipelines[0].sourceDoneAt!;
    expect(build >= 120_000 && build <= 240_000).toBe(true);
  });

  it('a timeline entry takes exactly one action, on a service that exists', () => {
    expect(problems(serviceScenario({ timeline: [{ at: '1m' }] }))).toEqual(['timeline[0]: expected exactly one action: updateService, pushImage, spotInterruption, ec2SpotInterruption, instanceFailure, agentDisconnect, azOutage, registerScalableTarget']);
    expect(problems(serviceScenario({ timeline: [{ at: '1m', pushImage: { service: 'api', image: 'x' } }] }))).toEqual([
      'timeline[0].pushImage.service: unknown service "api" (services: web)',
    ]);
  });
});
