import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import { alibabaOpenbPods } from '../../src/workload/alibaba-openb-trace.js';

const SIMS = join(__dirname, '../../sims');
const GOLDEN = join(__dirname, 'sims.sha256.json');
const files = readdirSync(SIMS).filter((f) => f.endsWith('.yaml')).sort();

function results(file: string) {
  const loaded = loadScenario(readFileSync(join(SIMS, file), 'utf8'), { readFile: (path) => readFileSync(join(SIMS, path), 'utf8') });
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return simulate(loaded.spec, { check: true });
}

describe('every scenario in sims/ runs with every invariant checked after every event', () => {
  it.each(files)('%s', (file) => {
    expect(results(file).summary.eventsFired).toBeGreaterThan(0);
  });
});

/**
 * Regression lock: the sha256 of each scenario's Results. A change of behaviour shows up here; when it
 * is intended, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden` and review the diff of the
 * Results it explains. Optimizations must leave these unchanged.
 */
describe('golden Results of sims/', () => {
  const hashes = Object.fromEntries(files.map((f) => [f, createHash('sha256').update(JSON.stringify(results(f))).digest('hex')]));
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(hashes, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  it.each(files)('%s', (file) => {
    expect(hashes[file]).toBe(golden[file]);
  });
});

describe('sims/placement.yaml shows what it says', () => {
  const r = results('placement.yaml');
  const bySource = (source: string) => r.tasks.filter((t) => t.startedBy === source);
  const failuresOf = (source: string) => r.runTaskFailures.filter((f) => f.source === source).map((f) => f.reason);

  it('edge proxies: a static port 80 allows one per instance; the seventh fails RESOURCE:PORTS', () => {
    expect(new Set(bySource('edge proxies').map((t) => t.containerInstanceId)).size).toBe(6);
    expect(failuresOf('edge proxies')).toEqual(['RESOURCE:PORTS']);
    expect(bySource('edge proxies').every((t) => t.networkBindings[0].hostPort === 80)).toBe(true);
  });

  it('cache nodes: distinctInstance places six of ten', () => {
    expect(new Set(bySource('cache nodes').map((t) => t.containerInstanceId)).size).toBe(6);
    expect(failuresOf('cache nodes')).toEqual(Array(4).fill('DistinctInstance placement constraint unsatisfied.'));
  });

  it('api requests get dynamic host ports from the ephemeral range', () => {
    const ports = bySource('api requests').map((t) => t.networkBindings[0].hostPort);
    expect(ports.length).toBeGreaterThan(50);
    expect(ports.every((p) => p >= 32768 && p <= 60999)).toBe(true);
  });

  it('batch jobs run only in the batch pool (memberOf)', () => {
    const pool = new Set(r.instances.filter((i) => i.attributes.pool === 'batch').map((i) => i.id));
    expect(bySource('batch jobs').every((t) => pool.has(t.containerInstanceId!))).toBe(true);
  });
});

describe('sims/rolling-deploy.yaml shows what it says', () => {
  const r = results('rolling-deploy.yaml');

  it('deploys web:2 cleanly, then fails web:3 on its health checks and rolls back to web:2', () => {
    expect(r.deployments.map((d) => [d.taskDefinition, d.rolloutState, d.rollbackOf])).toEqual([
      ['web:1', 'COMPLETED', null],
      ['web:2', 'COMPLETED', null],
      ['web:3', 'FAILED', null],
      ['web:2', 'COMPLETED', 'ecs-svc/0003'],
    ]);
    expect(r.pipelines.map((p) => [p.taskDefinition, p.deploymentId])).toEqual([
      ['web:2', 'ecs-svc/0002'],
      ['web:3', 'ecs-svc/0003'],
    ]);
    expect(r.tasks.filter((t) => t.taskDefinition === 'web:3').every((t) => t.stoppedReason?.startsWith('Task failed ELB health checks'))).toBe(true);
  });

  it('registers targets behind the ALB and never drops below 6 healthy tasks', () => {
    expect(r.serviceEvents.filter((e) => e.message.includes('registered 6 targets')).length).toBeGreaterThanOrEqual(3);
    const healthy = r.series.byService.web.healthy;
    expect(Math.min(...healthy.slice(2))).toBe(6);
    expect(Math.min(...r.series.byTargetGroup['web-tg'].healthy.slice(2))).toBe(6);
  });
});

describe('the capacity scenarios show what they say', () => {
  it('batch-burst.yaml: the group grows from zero while tasks wait, then empties', () => {
    const r = results('batch-burst.yaml');
    const p = r.series.byCapacityProvider['batch-c5'];
    expect(p.instances[0]).toBe(0);
    expect(Math.max(...p.waiting)).toBeGreaterThan(0);
    // At 30m the first wave waits on an empty group: N = 0, M > 0, so 200%.
    expect(p.reservation[30]).toBe(200);
    expect(Math.max(...p.instances)).toBeGreaterThan(5);
    expect(p.instances.at(-1)).toBe(0);
    expect(r.summary.waitForCapacityMs.p95).toBeGreaterThan(0);
  });

  it('the three plans: Fargate Spot is cheapest but loses tasks; Fargate costs less than EC2 with ENI-bound m5.large', () => {
    const [ec2, fargate, spot] = ['plan-ec2.yaml', 'plan-fargate.yaml', 'plan-fargate-spot.yaml'].map(results);
    expect(spot.cost.totalUsd).toBeLessThan(fargate.cost.totalUsd);
    expect(fargate.cost.totalUsd).toBeLessThan(ec2.cost.totalUsd);
    const lost = (r: typeof spot) => r.tasks.filter((t) => t.stopCode === 'SpotInterruption').length;
    expect(lost(spot)).toBeGreaterThan(0);
    expect(lost(fargate) + lost(ec2)).toBe(0);
  });

  it('az-outage.yaml: the outage stops the AZ\'s tasks and the service recovers within minutes', () => {
    const r = results('az-outage.yaml');
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0].tasksStopped).toBeGreaterThan(0);
    expect(r.faults[0].recoveredAt! - r.faults[0].at).toBeLessThan(10 * 60_000);
  });

  it('batch-trace.yaml: every CPU-only pod from trace day 140 is one RunTask call, sized by its pod, on a group that grows from zero', () => {
    const r = results('batch-trace.yaml');
    const pods = alibabaOpenbPods(readFileSync(join(SIMS, 'traces/alibaba-openb-gpu2023-pod-list-default.csv'), 'utf8'));
    if (!Array.isArray(pods)) throw new Error(pods.problem);
    const replayed = pods.filter((p) => p.gpus === 0 && p.createdAt >= 140 * 86_400_000);
    expect(r.summary.tasksRequested).toBe(replayed.length);
    // Tasks carry their pods' sizes, not the task definition's 1 vCPU / 2 GB, in call order.
    expect(r.tasks.map((t) => t.cpuUnits)).toEqual(replayed.map((p) => p.cpuUnits));
    const first = replayed[0];
    expect(r.tasks[0].createdAt).toBe(Math.round((first.createdAt - 140 * 86_400_000) / 24));
    const p = r.series.byCapacityProvider['batch-m5'];
    expect(p.instances[0]).toBe(0);
    expect(Math.max(...p.instances)).toBeGreaterThan(1);
    expect(r.runTaskFailures).toEqual([]);
  });
});
