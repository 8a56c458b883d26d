import { stringify } from 'yaml';
import { loadScenario, parseScenario } from '../src/scenario/load-scenario.js';
import type { ScenarioSpec } from '../src/scenario/scenario-spec.js';

/** A small valid scenario as a plain object; tests override the parts they are about. */
export function scenarioObject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test',
    seed: 1,
    duration: '1h',
    cluster: { clusterName: 'test', availabilityZones: ['us-east-1a', 'us-east-1b'], containerInstances: [{ instanceType: 'm5.large', count: 2 }] },
    taskDefinitions: [
      { family: 'job', containerDefinitions: [{ name: 'job', image: 'busybox', cpu: 512, memory: 1024 }] },
    ],
    workload: {
      runTasks: [{ name: 'jobs', taskDefinition: 'job', arrivals: { process: 'poisson', ratePerMinute: 2 }, duration: { dist: 'exponential', mean: '5m' } }],
    },
    ...overrides,
  };
}

/** Parses a scenario object, failing the test with the errors if it is invalid. */
export function spec(value: unknown): ScenarioSpec {
  const loaded = parseScenario(value);
  if (!loaded.ok) throw new Error(`scenario invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return loaded.spec;
}

/** The problems a scenario object has, as `path: message` lines (empty when valid). */
export function problems(value: unknown): string[] {
  const loaded = typeof value === 'string' ? loadScenario(value) : loadScenario(stringify(value));
  return loaded.ok ? [] : loaded.errors.map((e) => `${e.path}: ${e.message}`);
}
