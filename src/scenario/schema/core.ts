/**
 * A small schema library for scenario files: every schema parses a plain value (from YAML or JSON),
 * reports problems with the path into the file and what was expected, and describes itself as JSON
 * Schema so editors can validate and autocomplete scenario files.
 *
 * Bad input is an expected condition, so parsing never throws: problems are collected in a
 * `ParseContext` and the failed value is `INVALID`.
 */

export const INVALID: unique symbol = Symbol('invalid');
export type Parsed<T> = T | typeof INVALID;

export interface Problem {
  /** Where in the scenario: `services[0].placementStrategy[1].field`; empty for the whole file. */
  path: string;
  message: string;
}

export class ParseContext {
  readonly errors: Problem[] = [];
  /** Accepted but not simulated (unknown AWS fields): shown to the user, never fatal. */
  readonly notes: Problem[] = [];

  error(path: string, message: string): typeof INVALID {
    this.errors.push({ path, message });
    return INVALID;
  }

  note(path: string, message: string): void {
    this.notes.push({ path, message });
  }
}

export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  /** Parses `value` found at `path`; on failure records errors in `ctx` and returns INVALID. */
  parse(value: unknown, path: string, ctx: ParseContext): Parsed<T>;
  /** The JSON Schema (draft 2020-12) of the accepted input. */
  jsonSchema(): JsonSchema;
  /** What this schema expects, for error messages: `a duration such as "90s"`. */
  readonly expected: string;
  /** Optional fields may be absent; `defaultValue` is used then. */
  readonly optional?: boolean;
  readonly defaultValue?: T;
  readonly description?: string;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** `a.b[0].c`: joins a parent path and a key or index. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** A short rendering of a value for "got ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function expectation(ctx: ParseContext, path: string, expected: string, value: unknown): typeof INVALID {
  return ctx.error(path, `expected ${expected}, got ${describeValue(value)}`);
}

/** Adds documentation to a schema (shown in the JSON Schema and the scenario reference). */
export function doc<T>(schema: Schema<T>, description: string): Schema<T> {
  return {
    ...schema,
    parse: schema.parse.bind(schema),
    jsonSchema: () => ({ ...schema.jsonSchema(), description }),
    description,
  };
}
