import type { Parsed } from './parse-seeds.js';

/**
 * One step of a path into a scenario file: a mapping key (`cluster`), a list index (`[1]`), or the one
 * list entry whose field has a value (`[serviceName=web]`, so a sweep need not depend on file order).
 */
export type PathSegment = { key: string } | { index: number } | { field: string; equals: string };

/** Parses `services[0].desiredCount`, `cluster.capacityProviders[1].autoScalingGroup.maxSize`, `services[serviceName=web].desiredCount`. */
export function parsePath(path: string): Parsed<PathSegment[]> {
  const segments: PathSegment[] = [];
  const token = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[([A-Za-z_$][\w$]*)=([^\]]*)\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const match = token.exec(path);
    if (!match || (match[1] !== undefined && at === 0 && path[0] === '.')) {
      return { ok: false, message: `expected a path such as "services[0].desiredCount" or "services[serviceName=web].desiredCount", got "${path}"` };
    }
    if (match[1] !== undefined) segments.push({ key: match[1] });
    else if (match[2] !== undefined) segments.push({ index: Number(match[2]) });
    else segments.push({ field: match[3], equals: match[4] });
    at = token.lastIndex;
  }
  if (segments.length === 0 || !('key' in segments[0])) return { ok: false, message: `a path starts with a field name, got "${path}"` };
  return { ok: true, value: segments };
}

/** Writes a segment back as text, for messages. */
export function formatPath(segments: PathSegment[]): string {
  return segments
    .map((s, i) => ('key' in s ? `${i === 0 ? '' : '.'}${s.key}` : 'index' in s ? `[${s.index}]` : `[${s.field}=${s.equals}]`))
    .join('');
}

/**
 * Returns a copy of a raw (not yet validated) scenario object with the field at `segments` set to
 * `value`. Missing mapping keys are created (the validator then says if the field does not exist);
 * list entries must exist, since a new entry would be half a definition.
 */
export function setAtPath(scenario: unknown, segments: PathSegment[], value: unknown): Parsed<unknown> {
  const root = structuredClone(scenario);
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const here = formatPath(segments.slice(0, i)) || 'the scenario';
    if ('key' in segment) {
      if (!isMapping(node)) return { ok: false, message: `${here} is not a mapping, so it has no field "${segment.key}"` };
      if (last) {
        node[segment.key] = value;
      } else if (node[segment.key] === undefined && !('key' in segments[i + 1])) {
        return { ok: false, message: `${formatPath(segments.slice(0, i + 1))} is not in the scenario, so it has no entry ${formatPath([segments[i + 1]])}` };
      } else {
        node = node[segment.key] ??= {};
      }
      continue;
    }
    if (!Array.isArray(node)) return { ok: false, message: `${here} is not a list` };
    const index = 'index' in segment ? segment.index : findEntry(node, segment);
    if (typeof index === 'string') return { ok: false, message: `${here}: ${index}` };
    if (index >= node.length) {
      const has = node.length === 0 ? 'is empty' : `has ${node.length} entries (indexes 0 to ${node.length - 1})`;
      return { ok: false, message: `${here} ${has}, so no [${index}]` };
    }
    if (last) node[index] = value;
    else node = node[index];
  }
  return { ok: true, value: root };
}

function findEntry(list: unknown[], { field, equals }: { field: string; equals: string }): number | string {
  const found = list.flatMap((entry, i) => (isMapping(entry) && String(entry[field]) === equals ? [i] : []));
  if (found.length === 1) return found[0];
  return found.length === 0 ? `no entry has ${field} "${equals}"` : `${found.length} entries have ${field} "${equals}" (entries ${found.join(', ')}); use an index`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
