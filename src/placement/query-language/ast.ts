/** The cluster query language (DG "Cluster query language"): `subject operator [argument]`, and/or/not. */

export type Subject =
  | { kind: 'attribute'; name: string }
  | { kind: 'ec2InstanceId' }
  | { kind: 'agentConnected' }
  | { kind: 'agentVersion' }
  | { kind: 'registeredAt' }
  | { kind: 'runningTasksCount' }
  | { kind: 'taskGroup' };

export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'exists' | '!exists' | 'in' | '!in' | '=~' | '!~';

export type Expression =
  | { kind: 'and'; left: Expression; right: Expression }
  | { kind: 'or'; left: Expression; right: Expression }
  | { kind: 'not'; expression: Expression }
  | { kind: 'compare'; subject: Subject; operator: Operator; argument?: string; list?: string[]; regex?: RegExp };

/** Each operator's word form, as the DG lists them. */
export const WORD_OPERATORS: Record<string, Operator> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  exists: 'exists',
  not_exists: '!exists',
  in: 'in',
  not_in: '!in',
  matches: '=~',
  not_matches: '!~',
};

export const SYMBOL_OPERATORS: readonly Operator[] = ['==', '!=', '>=', '<=', '>', '<', '=~', '!~'];
