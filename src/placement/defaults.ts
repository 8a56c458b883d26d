import type { PlacementStrategy } from './placement-request.js';

/**
 * A service with no placement strategy spreads over AZs, then over instances: "instances in the AZ with
 * the fewest tasks of this service first, then the instance with the fewest tasks" (DG services).
 */
export const SERVICE_DEFAULT_STRATEGIES: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

/** RunTask with no placement strategy: at random among the instances that fit (ASSUMPTION, docs/fidelity.md). */
export const RUN_TASK_DEFAULT_STRATEGIES: readonly PlacementStrategy[] = [{ type: 'random' }];
