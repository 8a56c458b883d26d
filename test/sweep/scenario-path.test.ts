import { describe, expect, it } from 'vitest';
import { parsePath, setAtPath } from '../../src/sweep/scenario-path.js';

const scenario = () => ({
  name: 'x',
  cluster: { capacityProviders: ['FARGATE', { name: 'asg', autoScalingGroup: { maxSize: 4 } }] },
  services: [
    { serviceName: 'web', desiredCount: 2 },
    { serviceName: 'worker', desiredCount: 1 },
  ],
});

function set(path: string, value: unknown, on: unknown = scenario()) {
  const segments = parsePath(path);
  if (!segments.ok) throw new Error(segments.message);
  return setAtPath(on, segments.value, value);
}

describe('setting a field of the raw scenario', () => {
  it('sets a field by index', () => {
    const result = set('cluster.capacityProviders[1].autoScalingGroup.maxSize', 10);
    expect(result.ok && (result.value as ReturnType<typeof scenario>).cluster.capacityProviders[1]).toEqual({ name: 'asg', autoScalingGroup: { maxSize: 10 } });
  });

  it('sets a field of the one list entry with a field value', () => {
    const result = set('services[serviceName=worker].desiredCount', 5);
    expect(result.ok && (result.value as ReturnType<typeof scenario>).services.map((s) => s.desiredCount)).toEqual([2, 5]);
  });

  it('returns a copy and leaves the original alone', () => {
    const original = scenario();
    const result = set('services[0].desiredCount', 9, original);
    expect(result.ok).toBe(true);
    expect(original.services[0].desiredCount).toBe(2);
  });

  it('creates missing mapping keys (the validator then judges the field)', () => {
    const result = set('simulation.services.x', 1);
    expect(result.ok && (result.value as { simulation: unknown }).simulation).toEqual({ services: { x: 1 } });
  });

  it.each([
    ['services[2].desiredCount', /^services has 2 entries \(indexes 0 to 1\), so no \[2\]$/],
    ['services[serviceName=api].desiredCount', /^services: no entry has serviceName "api"$/],
    ['name.first', /^name is not a mapping, so it has no field "first"$/],
    ['cluster[0]', /^cluster is not a list$/],
    ['workload.runTasks[0].count', /^workload\.runTasks is not in the scenario, so it has no entry \[0\]$/],
  ])('%s fails with a message naming the path', (path, message) => {
    const result = set(path, 1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('an ambiguous name selector asks for an index', () => {
    const twins = { services: [{ serviceName: 'web' }, { serviceName: 'web' }] };
    const result = set('services[serviceName=web].desiredCount', 1, twins);
    expect(!result.ok && result.message).toBe('services: 2 entries have serviceName "web" (entries 0, 1); use an index');
  });
});
