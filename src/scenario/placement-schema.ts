import { parseExpression } from '../placement/query-language/parse.js';
import type { PlacementConstraint, PlacementStrategy } from '../placement/placement-request.js';
import { array, doc, INVALID, object, oneOf, optional, refine, string, type Schema } from './schema/index.js';

const aws = { unknownKeys: 'note' } as const;

/** RunTask and CreateService take at most 5 placement strategies (API CreateService). */
export const MAX_STRATEGIES = 5;
/** At most 10 constraints per task, task definition and run time together (DG service definition parameters). */
export const MAX_CONSTRAINTS = 10;

export const placementStrategySchema: Schema<PlacementStrategy> = refine(
  object({ type: oneOf(['binpack', 'spread', 'random'] as const), field: optional(string({ minLength: 1 })) }, aws),
  (s, path, ctx): PlacementStrategy | typeof INVALID => {
    switch (s.type) {
      case 'binpack': {
        const field = s.field?.toLowerCase();
        if (field !== 'cpu' && field !== 'memory') return ctx.error(`${path}.field`, `expected "cpu" | "memory" for binpack, got ${JSON.stringify(s.field ?? null)}`);
        return { type: 'binpack', field };
      }
      case 'spread':
        if (s.field !== 'instanceId' && s.field !== 'host' && !/^attribute:.+/.test(s.field ?? '')) {
          return ctx.error(`${path}.field`, `expected "instanceId" | "host" | "attribute:<name>" for spread, got ${JSON.stringify(s.field ?? null)}`);
        }
        return { type: 'spread', field: s.field! };
      case 'random':
        return { type: 'random' };
    }
  },
);

export const placementStrategiesSchema = doc(
  array(placementStrategySchema, { max: MAX_STRATEGIES, what: 'placement strategies' }),
  'Placement strategies in precedence order (binpack cpu|memory, spread instanceId|host|attribute:<name>, random); at most 5.',
);

/** A memberOf expression, parsed; a syntax error points at its column. */
export function memberOfExpression(): Schema<{ expression: string; parsed: Extract<PlacementConstraint, { type: 'memberOf' }>['parsed'] }> {
  return refine(string({ minLength: 1, maxLength: 2000 }), (expression, path, ctx) => {
    const result = parseExpression(expression);
    if (!result.ok) return ctx.error(path, `cluster query language syntax error at column ${result.column}: ${result.message}`);
    return { expression, parsed: result.expression };
  });
}

export const placementConstraintSchema: Schema<PlacementConstraint> = refine(
  object({ type: oneOf(['distinctInstance', 'memberOf'] as const), expression: optional(string()) }, aws),
  (c, path, ctx): PlacementConstraint | typeof INVALID => {
    if (c.type === 'distinctInstance') {
      if (c.expression) return ctx.error(`${path}.expression`, 'distinctInstance takes no expression');
      return { type: 'distinctInstance' };
    }
    if (!c.expression) return ctx.error(`${path}.expression`, 'required: memberOf needs a cluster query language expression');
    const parsed = memberOfExpression().parse(c.expression, `${path}.expression`, ctx);
    return parsed === INVALID ? INVALID : { type: 'memberOf', ...parsed };
  },
);

export const placementConstraintsSchema = doc(
  array(placementConstraintSchema, { max: MAX_CONSTRAINTS, what: 'placement constraints' }),
  'Placement constraints: {type: distinctInstance} or {type: memberOf, expression: <cluster query language>}.',
);

/** Task definitions take only memberOf constraints (API TaskDefinitionPlacementConstraint). */
export const taskDefinitionConstraintsSchema = array(
  refine(placementConstraintSchema, (c, path, ctx) =>
    c.type === 'memberOf' ? c : ctx.error(`${path}.type`, 'expected "memberOf": task definitions take only memberOf constraints'),
  ),
  { max: MAX_CONSTRAINTS, what: 'placement constraints' },
);
