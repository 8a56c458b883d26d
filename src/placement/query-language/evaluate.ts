import type { ContainerInstance } from '../../model/container-instance.js';
import type { Expression, Operator, Subject } from './ast.js';

/** What an expression can see besides the instance: when the run started, to compare registeredAt with dates. */
export interface QueryContext {
  /** Epoch milliseconds of simulated time 0. */
  startEpochMs: number;
}

/** Does `instance` satisfy the expression? */
export function evaluate(expression: Expression, instance: ContainerInstance, ctx: QueryContext): boolean {
  switch (expression.kind) {
    case 'and':
      return evaluate(expression.left, instance, ctx) && evaluate(expression.right, instance, ctx);
    case 'or':
      return evaluate(expression.left, instance, ctx) || evaluate(expression.right, instance, ctx);
    case 'not':
      return !evaluate(expression.expression, instance, ctx);
    case 'compare':
      return compare(expression, instance, ctx);
  }
}

type Comparison = Extract<Expression, { kind: 'compare' }>;

const NEGATION: Partial<Record<Operator, Operator>> = { '!=': '==', '!exists': 'exists', '!in': 'in', '!~': '=~' };

function compare(c: Comparison, instance: ContainerInstance, ctx: QueryContext): boolean {
  const positive = NEGATION[c.operator];
  if (positive) return !compare({ ...c, operator: positive }, instance, ctx);
  // task:group holds when any task on the instance has a group that satisfies the comparison.
  if (c.subject.kind === 'taskGroup') {
    for (const [group, count] of instance.groupCounts) if (count > 0 && holds(c, group, c.subject, ctx)) return true;
    return false;
  }
  const value = subjectValue(c.subject, instance, ctx);
  if (value === undefined) return false;
  return holds(c, value, c.subject, ctx);
}

function subjectValue(subject: Subject, instance: ContainerInstance, ctx: QueryContext): string | undefined {
  switch (subject.kind) {
    case 'attribute':
      return instance.attributes[subject.name];
    case 'ec2InstanceId':
      return instance.id;
    case 'agentConnected':
      return String(instance.agentConnected);
    case 'agentVersion':
      return instance.agentVersion;
    case 'registeredAt':
      return new Date(ctx.startEpochMs + instance.registeredAt).toISOString();
    case 'runningTasksCount':
      return String(instance.runningTasksCount);
    case 'taskGroup':
      return undefined;
  }
}

function holds(c: Comparison, value: string, subject: Subject, _ctx: QueryContext): boolean {
  switch (c.operator) {
    case 'exists':
      return true;
    case 'in':
      return c.list!.includes(value);
    case '=~':
      return c.regex!.test(value);
    case '==':
      return order(value, c.argument!, subject) === 0;
    case '>':
      return order(value, c.argument!, subject) > 0;
    case '>=':
      return order(value, c.argument!, subject) >= 0;
    case '<':
      return order(value, c.argument!, subject) < 0;
    case '<=':
      return order(value, c.argument!, subject) <= 0;
    default:
      return false;
  }
}

/**
 * How a subject's value compares with an argument: versions part by part for agentVersion, instants
 * for registeredAt, numbers when both sides are numbers, text otherwise (ASSUMPTION, docs/fidelity.md).
 */
function order(value: string, argument: string, subject: Subject): number {
  if (subject.kind === 'agentVersion') return compareVersions(value, argument);
  if (subject.kind === 'registeredAt') {
    const a = Date.parse(value);
    const b = Date.parse(argument);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
  }
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(value) && numeric.test(argument)) return Math.sign(Number(value) - Number(argument));
  return value < argument ? -1 : value > argument ? 1 : 0;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
