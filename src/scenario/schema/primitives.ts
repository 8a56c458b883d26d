import { parseDuration, type Millis } from '../../engine/time.js';
import { expectation, INVALID, type Schema } from './core.js';

export function string(options: { minLength?: number; maxLength?: number; pattern?: RegExp; expected?: string } = {}): Schema<string> {
  const { minLength = 0, maxLength = Infinity, pattern } = options;
  const expected = options.expected ?? (minLength > 0 ? 'a non-empty string' : 'a string');
  return {
    expected,
    parse(value, path, ctx) {
      if (typeof value !== 'string' || value.length < minLength || value.length > maxLength) {
        return expectation(ctx, path, maxLength < Infinity ? `${expected} of at most ${maxLength} characters` : expected, value);
      }
      if (pattern && !pattern.test(value)) return expectation(ctx, path, expected, value);
      return value;
    },
    jsonSchema: () => ({
      type: 'string',
      ...(minLength > 0 ? { minLength } : {}),
      ...(maxLength < Infinity ? { maxLength } : {}),
      ...(pattern ? { pattern: pattern.source } : {}),
    }),
  };
}

export interface NumberOptions {
  min?: number;
  max?: number;
  /** min is exclusive: the number must be greater than min. */
  exclusiveMin?: boolean;
  integer?: boolean;
}

export function number(options: NumberOptions = {}): Schema<number> {
  const { min = -Infinity, max = Infinity, exclusiveMin = false, integer = false } = options;
  const kind = integer ? 'an integer' : 'a number';
  const range =
    min > -Infinity && max < Infinity
      ? ` ${exclusiveMin ? 'greater than' : 'from'} ${min} ${exclusiveMin ? 'and at most' : 'to'} ${max}`
      : min > -Infinity
        ? exclusiveMin ? ` greater than ${min}` : ` >= ${min}`
        : max < Infinity ? ` <= ${max}` : '';
  const expected = `${kind}${range}`;
  return {
    expected,
    parse(value, path, ctx) {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!integer || Number.isInteger(value)) &&
        (exclusiveMin ? value > min : value >= min) &&
        value <= max;
      return ok ? value : expectation(ctx, path, expected, value);
    },
    jsonSchema: () => ({
      type: integer ? 'integer' : 'number',
      ...(min > -Infinity ? (exclusiveMin ? { exclusiveMinimum: min } : { minimum: min }) : {}),
      ...(max < Infinity ? { maximum: max } : {}),
    }),
  };
}

export function integer(options: Omit<NumberOptions, 'integer'> = {}): Schema<number> {
  return number({ ...options, integer: true });
}

export function boolean(): Schema<boolean> {
  return {
    expected: 'true or false',
    parse: (value, path, ctx) => (typeof value === 'boolean' ? value : expectation(ctx, path, 'true or false', value)),
    jsonSchema: () => ({ type: 'boolean' }),
  };
}

/** One of a fixed set of strings: `expected "cpu" | "memory", got "disk"`. */
export function oneOf<const V extends string>(values: readonly V[]): Schema<V> {
  const expected = values.map((v) => JSON.stringify(v)).join(' | ');
  return {
    expected,
    parse: (value, path, ctx) =>
      typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as V) : expectation(ctx, path, expected, value),
    jsonSchema: () => ({ enum: [...values] }),
  };
}

const DURATION_PATTERN = '^(\\d+(\\.\\d+)?(ms|s|m|h|d))+$|^\\d+(\\.\\d+)?$';

/** A duration: `90s`, `15m`, `6h`, `2d`, `1h30m`, or a number of milliseconds. Parsed to Millis. */
export function duration(options: { min?: Millis; positive?: boolean } = {}): Schema<Millis> {
  const { min = 0, positive = false } = options;
  const expected = `a ${positive ? 'positive ' : ''}duration such as "90s", "15m", "6h", "2d" or milliseconds`;
  return {
    expected,
    parse(value, path, ctx) {
      if (typeof value !== 'string' && typeof value !== 'number') return expectation(ctx, path, expected, value);
      const ms = parseDuration(value);
      if (ms === undefined || ms < min || (positive && ms <= 0)) return expectation(ctx, path, expected, value);
      return ms;
    },
    jsonSchema: () => ({
      oneOf: [{ type: 'string', pattern: DURATION_PATTERN }, { type: 'number', minimum: 0 }],
    }),
  };
}

export { INVALID };
