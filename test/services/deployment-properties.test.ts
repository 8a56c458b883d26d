import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deploymentBounds } from '../../src/model/service.js';
import { run, serviceScenario } from './builders.js';

describe('rolling deployment properties', () => {
  it('unless capacity is lost, healthy never falls below ceil(desired x min%) and the total never exceeds floor(desired x max%)', () => {
    let scenariosChecked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 100, max: 200 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        (desiredCount, minimumHealthyPercent, maximumPercent, instances, seed) => {
          const config = { minimumHealthyPercent, maximumPercent, circuitBreaker: { enable: false, rollback: false } };
          const { minHealthy, maxTotal } = deploymentBounds(desiredCount, config);
          const updateAt = 30 * 60_000;
          let checked = 0;
          run(
            {
              ...serviceScenario({
                instances,
                service: { desiredCount, deploymentConfiguration: { minimumHealthyPercent, maximumPercent } },
                timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
              }),
              seed,
            },
            {
              afterEvent: (world, now) => {
                const service = world.services.get('web')!;
                // From the update on, once the first deployment had reached its desired count.
                if (now < updateAt || world.deployments[0].rolloutState !== 'COMPLETED') return;
                const tasks = [...service.taskIds].map((id) => world.tasksById.get(id)!);
                const healthy = tasks.filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING' && t.healthStatus === 'HEALTHY').length;
                expect(healthy).toBeGreaterThanOrEqual(minHealthy);
                expect(tasks.length).toBeLessThanOrEqual(maxTotal);
                checked++;
              },
            },
          );
          // A scenario whose first deployment never completes (not enough room) checks nothing.
          if (checked > 0) scenariosChecked++;
        },
      ),
      { numRuns: 60 },
    );
    expect(scenariosChecked).toBeGreaterThan(30);
  });

  it('a deployment with enough room always completes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 110, max: 200 }), (desiredCount, min, max) => {
        const r = run(
          serviceScenario({
            instances: 8,
            service: { desiredCount, deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max } },
            timeline: [{ at: '30m', updateService: { service: 'web', taskDefinition: 'web:2' } }],
          }),
        );
        const { minHealthy, maxTotal } = deploymentBounds(desiredCount, { minimumHealthyPercent: min, maximumPercent: max, circuitBreaker: { enable: false, rollback: false } });
        // It can always make progress when it may start one task above desired or stop one below it.
        if (maxTotal > desiredCount || minHealthy < desiredCount) expect(r.deployments.map((d) => d.rolloutState)).toEqual(['COMPLETED', 'COMPLETED']);
      }),
      { numRuns: 40 },
    );
  });
});
