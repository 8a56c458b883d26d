import { parseScenario } from '../src/scenario/load-scenario.js';
import { simulate } from '../src/simulate.js';
import type { BenchReport } from './w2.js';

export const INSTANCES = 10_000;
export const TASKS = 100_000;

/**
 * 100,000 tasks placed by RunTask through the whole simulator onto 10,000 container instances over 3
 * AZs, with spread(AZ) then binpack(memory) and a memberOf constraint (one instance in ten is excluded).
 */
export function placementScenario(): unknown {
  return {
    name: 'placement at 10k instances',
    duration: '2m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      containerInstances: [
        { instanceType: 'm5.xlarge', count: INSTANCES * 0.9, attributes: { pool: 'general' } },
        { instanceType: 'm5.xlarge', count: INSTANCES * 0.1, attributes: { pool: 'reserved' } },
      ],
    },
    taskDefinitions: [{ family: 'worker', containerDefinitions: [{ name: 'worker', image: 'worker', cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] }] }],
    workload: {
      runTasks: [
        {
          name: 'workers',
          taskDefinition: 'worker',
          count: 10,
          // 10,000 RunTask calls of 10 tasks, one every 6 ms: all 100,000 placed within the first minute.
          arrivals: { process: 'fixed', every: 6 },
          stopAt: (TASKS / 10 - 1) * 6,
          duration: '1h',
          placementStrategy: [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'memory' },
          ],
          placementConstraints: [{ type: 'memberOf', expression: 'attribute:pool != reserved' }],
        },
      ],
    },
  };
}

export function benchPlacement10k(): BenchReport {
  const loaded = parseScenario(placementScenario());
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const runs = Array.from({ length: 3 }, () => {
    const t0 = process.hrtime.bigint();
    const results = simulate(loaded.spec);
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, results };
  });
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b)[1];
  const { summary } = runs[0].results;
  const reserved = runs[0].results.tasks.filter((t) => Number((t.containerInstanceId ?? '').slice(2)) > INSTANCES * 0.9).length;
  const ok = summary.tasksPlaced === TASKS && reserved === 0 && seconds < 2;
  return {
    lines: [
      `Placement at scale: ${TASKS.toLocaleString('en-US')} tasks, spread(AZ) + binpack(memory) + memberOf, on ${INSTANCES.toLocaleString('en-US')} instances, whole simulator (median of 3):`,
      `  ${seconds.toFixed(2)} s (target < 2 s); ${summary.tasksPlaced.toLocaleString('en-US')} placed, ${summary.runTaskFailures} failed, ${reserved} on excluded instances, ${summary.eventsFired.toLocaleString('en-US')} events`,
    ],
    pass: ok,
  };
}
