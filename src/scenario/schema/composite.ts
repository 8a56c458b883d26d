import { childPath, expectation, INVALID, ParseContext, type Infer, type JsonSchema, type Parsed, type Schema } from './core.js';

/** A field that may be left out; it parses to `undefined` then. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return { ...schema, parse: schema.parse.bind(schema), jsonSchema: schema.jsonSchema.bind(schema), optional: true };
}

/** A field that may be left out; it parses to `value` then. */
export function withDefault<T>(schema: Schema<T>, value: T): Schema<T> {
  return {
    ...schema,
    parse: schema.parse.bind(schema),
    jsonSchema: () => ({ ...schema.jsonSchema(), default: value as unknown }),
    optional: true,
    defaultValue: value,
  };
}

export function array<T>(item: Schema<T>, options: { min?: number; max?: number; what?: string } = {}): Schema<T[]> {
  const { min = 0, max = Infinity } = options;
  const bounds = max < Infinity ? ` of ${min} to ${max} items` : min > 0 ? ` of at least ${min} item${min > 1 ? 's' : ''}` : '';
  const expected = `a list${bounds}${options.what ? ` of ${options.what}` : ''}`;
  return {
    expected,
    parse(value, path, ctx) {
      if (!Array.isArray(value)) return expectation(ctx, path, expected, value);
      if (value.length < min || value.length > max) return ctx.error(path, `expected ${expected}, got ${value.length}`);
      const out: T[] = [];
      let ok = true;
      value.forEach((element, i) => {
        const parsed = item.parse(element, childPath(path, i), ctx);
        if (parsed === INVALID) ok = false;
        else out.push(parsed);
      });
      return ok ? out : INVALID;
    },
    jsonSchema: () => ({
      type: 'array',
      items: item.jsonSchema(),
      ...(min > 0 ? { minItems: min } : {}),
      ...(max < Infinity ? { maxItems: max } : {}),
    }),
  };
}

export type Shape = Record<string, Schema<unknown>>;
export type ObjectOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

export interface ObjectOptions {
  /**
   * What to do with keys the shape does not name: `error` for ecsim's own sections (a typo must not
   * pass silently), `note` for AWS-shaped objects (real definitions carry fields ecsim does not model).
   */
  unknownKeys: 'error' | 'note';
  /** Keys that AWS accepts and ecsim knowingly ignores: never reported. */
  ignoredKeys?: readonly string[];
  what?: string;
}

export function object<S extends Shape>(shape: S, options: ObjectOptions): Schema<ObjectOf<S>> {
  const expected = options.what ?? 'an object';
  const ignored = new Set(options.ignoredKeys ?? []);
  return {
    expected,
    parse(value, path, ctx) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return expectation(ctx, path, expected, value);
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [key, field] of Object.entries(shape)) {
        const fieldPath = childPath(path, key);
        if (input[key] === undefined || input[key] === null) {
          if (field.optional) out[key] = field.defaultValue;
          else {
            ctx.error(fieldPath, `required: expected ${field.expected}`);
            ok = false;
          }
          continue;
        }
        const parsed = field.parse(input[key], fieldPath, ctx);
        if (parsed === INVALID) ok = false;
        else out[key] = parsed;
      }
      for (const key of Object.keys(input)) {
        if (key in shape || ignored.has(key)) continue;
        if (options.unknownKeys === 'error') {
          ctx.error(childPath(path, key), `unknown key; expected one of ${Object.keys(shape).join(', ')}`);
          ok = false;
        } else {
          ctx.note(childPath(path, key), 'not simulated by ecsim; ignored');
        }
      }
      return ok ? (out as ObjectOf<S>) : INVALID;
    },
    jsonSchema: () => {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, field] of Object.entries(shape)) properties[key] = field.jsonSchema();
      const required = Object.entries(shape).filter(([, f]) => !f.optional).map(([k]) => k);
      return {
        type: 'object',
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: options.unknownKeys === 'note',
      };
    },
  };
}

/** A map from any string key to values of one schema (e.g. custom attributes). */
export function record<T>(value: Schema<T>, what = 'an object of names to values'): Schema<Record<string, T>> {
  return {
    expected: what,
    parse(input, path, ctx) {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return expectation(ctx, path, what, input);
      const out: Record<string, T> = {};
      let ok = true;
      for (const [key, element] of Object.entries(input)) {
        const parsed = value.parse(element, childPath(path, key), ctx);
        if (parsed === INVALID) ok = false;
        else out[key] = parsed;
      }
      return ok ? out : INVALID;
    },
    jsonSchema: () => ({ type: 'object', additionalProperties: value.jsonSchema() }),
  };
}

/**
 * Objects told apart by one key (`dist: exponential`, `process: poisson`): the tag picks the variant,
 * so errors speak of the chosen variant only. Variants describe the object without the tag key; the
 * parsed value carries the tag again.
 */
export function tagged<K extends string, V extends Record<string, Schema<object>>>(
  tag: K,
  variants: V,
): Schema<{ [N in keyof V]: Infer<V[N]> & { [T in K]: N } }[keyof V]> {
  type Out = { [N in keyof V]: Infer<V[N]> & { [T in K]: N } }[keyof V];
  const names = Object.keys(variants);
  const tags = names.map((n) => JSON.stringify(n)).join(' | ');
  const expected = `an object with ${tag}: ${tags}`;
  return {
    expected,
    parse(value, path, ctx) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return expectation(ctx, path, expected, value);
      const { [tag]: name, ...rest } = value as Record<string, unknown>;
      if (typeof name !== 'string' || !Object.hasOwn(variants, name)) return expectation(ctx, childPath(path, tag), tags, name);
      const parsed = variants[name].parse(rest, path, ctx);
      return parsed === INVALID ? INVALID : ({ [tag]: name, ...parsed } as Out);
    },
    jsonSchema: () => ({
      oneOf: names.map((n) => {
        const variant = variants[n].jsonSchema();
        const properties = { [tag]: { const: n }, ...(variant.properties as object) };
        const required = [tag, ...((variant.required as string[]) ?? [])];
        return { ...variant, properties, required };
      }),
    }),
  };
}

/** The first of several schemas that accepts the value (e.g. a bare duration or a distribution). */
export function either<A, B>(first: Schema<A>, second: Schema<B>, expected?: string): Schema<A | B> {
  const what = expected ?? `${first.expected}, or ${second.expected}`;
  return {
    expected: what,
    parse(value, path, ctx) {
      for (const schema of [first, second] as Schema<A | B>[]) {
        const trial = new ParseContext();
        const parsed = schema.parse(value, path, trial);
        if (parsed !== INVALID) {
          trial.notes.forEach((n) => ctx.note(n.path, n.message));
          return parsed;
        }
      }
      // Report the errors of the alternative whose shape matches (objects go to the object schema).
      const objectLike = typeof value === 'object' && value !== null;
      const preferred = objectLike === isObjectSchema(first) ? first : second;
      if (objectLike && (isObjectSchema(first) || isObjectSchema(second))) return preferred.parse(value, path, ctx);
      return expectation(ctx, path, what, value);
    },
    jsonSchema: () => ({ anyOf: [first.jsonSchema(), second.jsonSchema()] }),
  };
}

function isObjectSchema(schema: Schema<unknown>): boolean {
  const json = schema.jsonSchema();
  const variants = (json.oneOf ?? json.anyOf) as { type?: unknown }[] | undefined;
  return json.type === 'object' || (Array.isArray(variants) && variants.every((v) => v.type === 'object'));
}

/**
 * Parses with `schema`, then converts or checks the result; `convert` reports its own problems with
 * `ctx.error(path, ...)` and returns INVALID when the value cannot be used.
 */
export function refine<T, U>(
  schema: Schema<T>,
  convert: (value: T, path: string, ctx: ParseContext) => Parsed<U>,
): Schema<U> {
  return {
    expected: schema.expected,
    description: schema.description,
    parse(value, path, ctx) {
      const parsed = schema.parse(value, path, ctx);
      return parsed === INVALID ? INVALID : convert(parsed, path, ctx);
    },
    jsonSchema: () => schema.jsonSchema(),
  };
}
