import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/cluster/event-log.js';
import { TASK_STATUSES } from '../../src/model/task.js';
import { run, serviceScenario } from './builders.js';

function logOf(scenario: object): { records: LogRecord[]; results: ReturnType<typeof run> } {
  const records: LogRecord[] = [];
  const results = run(scenario, { onLogRecord: (r) => records.push(r) });
  return { records, results };
}

describe('the event log', () => {
  const scenario = serviceScenario({
    taskBehavior: [{ taskDefinition: 'web:2', startFailureProbability: 1 }],
    service: { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } },
    timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
  });

  it('is in time order, with unique ids, shaped like EventBridge ECS events', () => {
    const { records } = logOf(scenario);
    const times = records.map((r) => Date.parse(r.time));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) expect(r).toMatchObject({ version: '0', source: 'aws.ecs', region: 'us-east-1' });
  });

  it('follows every task through its lifecycle, in order', () => {
    const { records, results } = logOf(scenario);
    for (const task of results.tasks) {
      const statuses = records
        .filter((r) => r['detail-type'] === 'ECS Task State Change' && (r.detail.taskArn as string).endsWith(`/${task.id}`))
        .map((r) => TASK_STATUSES.indexOf(r.detail.lastStatus as (typeof TASK_STATUSES)[number]));
      expect(statuses[0]).toBe(0);
      expect([...statuses].sort((a, b) => a - b)).toEqual(statuses);
      expect(statuses.at(-1)).toBe(TASK_STATUSES.indexOf(task.lastStatus));
    }
  });

  it('reports each deployment state change and every service event', () => {
    const { records, results } = logOf(scenario);
    const deployments = records.filter((r) => r['detail-type'] === 'ECS Deployment State Change').map((r) => `${r.detail.deploymentId} ${r.detail.eventName}`);
    expect(deployments).toEqual([
      'ecs-svc/0001 SERVICE_DEPLOYMENT_IN_PROGRESS',
      'ecs-svc/0001 SERVICE_DEPLOYMENT_COMPLETED',
      'ecs-svc/0002 SERVICE_DEPLOYMENT_IN_PROGRESS',
      'ecs-svc/0002 SERVICE_DEPLOYMENT_FAILED',
      'ecs-svc/0003 SERVICE_DEPLOYMENT_IN_PROGRESS',
      'ecs-svc/0003 SERVICE_DEPLOYMENT_COMPLETED',
    ]);
    const actions = records.filter((r) => r['detail-type'] === 'ECS Service Action').map((r) => r.detail.message);
    expect(actions).toEqual(results.serviceEvents.map((e) => e.message));
  });

  it('building the log changes nothing in the Results', () => {
    expect(JSON.stringify(logOf(scenario).results)).toBe(JSON.stringify(run(scenario)));
  });
});
