import type { NetworkNeeds } from '../model/task-definition.js';
import type { Resources } from '../model/resources.js';
import type { Expression } from './query-language/ast.js';

/** A placement constraint as RunTask, CreateService and task definitions take it, with its expression parsed. */
export type PlacementConstraint = { type: 'distinctInstance' } | { type: 'memberOf'; expression: string; parsed: Expression };

/** A placement strategy as RunTask and CreateService take it. */
export type PlacementStrategy = { type: 'binpack'; field: 'cpu' | 'memory' } | { type: 'spread'; field: string } | { type: 'random' };

/** Everything placement needs to know about one task to place. */
export interface PlacementRequest {
  /** The task group: spread and distinctInstance count tasks of this group. */
  group: string;
  need: Resources;
  network: NetworkNeeds;
  constraints: readonly PlacementConstraint[];
  /** In precedence order; each later one breaks the ties of the earlier ones, the instance id last. */
  strategies: readonly PlacementStrategy[];
  /** Only this capacity provider's instances (tasks launched with a capacity provider strategy). */
  capacityProvider?: string;
}

/** Why an instance cannot take a task: the reason RunTask reports and a sentence for service events. */
export interface Rejection {
  reason: string;
  /** How far short the instance is (0 to 1, for "closest instance"); 1 for yes/no checks. */
  shortfall: number;
  /** `has insufficient CPU units available` — completes "The closest matching container-instance i-0001 ...". */
  message: string;
}
