import type { ContainerInstance } from '../../model/container-instance.js';
import type { Expression } from '../query-language/ast.js';
import { evaluate, type QueryContext } from '../query-language/evaluate.js';
import type { Rejection } from '../placement-request.js';

const UNSATISFIED: Rejection = {
  reason: 'MemberOf placement constraint unsatisfied.',
  shortfall: 1,
  message: 'encountered error "MemberOf placement constraint unsatisfied."',
};

/** memberOf: the instance satisfies the cluster query language expression (DG task placement constraints). */
export function memberOf(expression: Expression, instance: ContainerInstance, ctx: QueryContext): Rejection | undefined {
  return evaluate(expression, instance, ctx) ? undefined : UNSATISFIED;
}
