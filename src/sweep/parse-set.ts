import { parse as parseYaml } from 'yaml';
import type { Parsed } from './parse-seeds.js';
import { parsePath, type PathSegment } from './scenario-path.js';

/** A value a sweep sets a field to: a YAML scalar. */
export type ScalarValue = string | number | boolean | null;

/** One `--set path=v1,v2,...`: the field and the values the sweep gives it, in the order written. */
export interface SetOption {
  path: string;
  segments: PathSegment[];
  values: ScalarValue[];
}

/**
 * Parses `--set path=v1,v2,...`. Each value is read as a YAML scalar, as it would be in the scenario
 * file: `3` is a number, `true` a boolean, `10m` and `m5.large` strings, `"1,5"` a quoted string
 * (commas split values unless quoted).
 */
export function parseSet(text: string): Parsed<SetOption> {
  // The first "=" outside a [field=value] selector ends the path.
  const equals = firstEqualsOutsideBrackets(text);
  if (equals <= 0) return { ok: false, message: `--set: expected path=value1,value2,..., got "${text}"` };
  const path = text.slice(0, equals).trim();
  const segments = parsePath(path);
  if (!segments.ok) return { ok: false, message: `--set ${path}: ${segments.message}` };
  const values: ScalarValue[] = [];
  for (const item of splitValues(text.slice(equals + 1))) {
    let value: unknown;
    try {
      value = parseYaml(item);
    } catch {
      return { ok: false, message: `--set ${path}: cannot read "${item}" as a YAML scalar` };
    }
    if (item.trim() === '' || (value !== null && typeof value === 'object')) {
      return { ok: false, message: `--set ${path}: expected scalar values (numbers, strings, booleans), got "${item}"` };
    }
    values.push(value as ScalarValue);
  }
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated !== undefined) return { ok: false, message: `--set ${path}: value ${JSON.stringify(repeated)} is listed twice` };
  return { ok: true, value: { path, segments: segments.value, values } };
}

function firstEqualsOutsideBrackets(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']') depth = Math.max(0, depth - 1);
    else if (text[i] === '=' && depth === 0) return i;
  }
  return -1;
}

/** Splits on commas outside double or single quotes. */
function splitValues(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of text) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  items.push(current);
  return items;
}
