import { parse as parseYaml, YAMLParseError } from 'yaml';
import { INPUT_KINDS, type InputKindName, type UnwrappedInput } from './aws-cli-output.js';
import { readScenarioFile, type ReadFile } from './read-scenario-file.js';
import type { ParseContext, Problem } from './schema/index.js';

/**
 * File references: wherever a scenario takes an AWS input object, an entry may be `{ file: path }`
 * (relative to the scenario file; JSON or YAML) with optional overrides beside it, each replacing that
 * top-level field of what the file holds. A file, or an inline entry, may also hold what the AWS CLI
 * prints (aws-cli-output.ts): a describe-services output expands to all its services.
 *
 * This runs on the parsed YAML before the schema, so the schemas see input shapes only; problems the
 * schemas then find in an expanded entry are put back at the place the user wrote
 * (`services[0] (described.json) services[1].desiredCount`) by `relabelProblems`.
 */

/** The lists that take AWS input objects: keys from the scenario's root, `*` for every element of a list. */
const SITES: { keys: string[]; kind: InputKindName }[] = [
  { keys: ['taskDefinitions'], kind: 'taskDefinition' },
  { keys: ['services'], kind: 'service' },
  { keys: ['cluster', 'capacityProviders'], kind: 'capacityProvider' },
  { keys: ['loadBalancing', 'loadBalancers'], kind: 'loadBalancer' },
  { keys: ['loadBalancing', 'targetGroups'], kind: 'targetGroup' },
  { keys: ['serviceAutoScaling', '*', 'targetTrackingPolicies'], kind: 'targetTrackingPolicy' },
  { keys: ['serviceAutoScaling', '*', 'stepScalingPolicies'], kind: 'stepScalingPolicy' },
];

/** Where an expanded entry came from: the entry written, the file it named, where in that file. */
export interface EntryOrigin {
  /** Its path after expansion: `services[2]`. */
  expanded: string;
  /** The entry the user wrote: `services[0]`. */
  entry: string;
  file?: string;
  /** Where in the file (or the inline output shape): `services[1]`, '' for the whole. */
  at: string;
  /** Fields the entry sets beside `file`. */
  overrides: string[];
}

export interface Expanded {
  value: unknown;
  origins: EntryOrigin[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The scenario with file references read and CLI output shapes unwrapped (a new value; the input is not changed). */
export function expandFileReferences(scenario: unknown, ctx: ParseContext, readFile: ReadFile | undefined): Expanded {
  const origins: EntryOrigin[] = [];
  let value = scenario;
  for (const site of SITES) {
    value = updateLists(value, site.keys, '', (list, path) => expandList(list, path, site.kind, ctx, readFile, origins));
  }
  return { value, origins };
}

/** Applies `update` to every list at `keys` below `value`, copying only what changes. */
function updateLists(value: unknown, keys: string[], path: string, update: (list: unknown[], path: string) => unknown[]): unknown {
  if (keys.length === 0) return Array.isArray(value) ? update(value, path) : value;
  const [key, ...rest] = keys;
  if (key === '*') return Array.isArray(value) ? value.map((item, i) => updateLists(item, rest, `${path}[${i}]`, update)) : value;
  if (!isObject(value) || !(key in value)) return value;
  return { ...value, [key]: updateLists(value[key], rest, path === '' ? key : `${path}.${key}`, update) };
}

function expandList(list: unknown[], path: string, kind: InputKindName, ctx: ParseContext, readFile: ReadFile | undefined, origins: EntryOrigin[]): unknown[] {
  const out: unknown[] = [];
  list.forEach((item, i) => {
    const entry = `${path}[${i}]`;
    const isReference = isObject(item) && 'file' in item;
    const pieces = isReference ? readReference(item, entry, kind, ctx, readFile) : unwrapInline(item, kind);
    const { file: _file, ...overrides } = isReference ? item : {};
    for (const piece of pieces) {
      const expanded = `${path}[${out.length}]`;
      out.push(Object.keys(overrides).length > 0 && isObject(piece.value) ? { ...piece.value, ...overrides } : piece.value);
      const origin: EntryOrigin = { expanded, entry, at: piece.at, overrides: Object.keys(overrides), ...(isReference ? { file: String(item.file) } : {}) };
      if (isReference || piece.at !== '' || expanded !== entry) origins.push(origin);
      noteReadOnly(piece, origin, ctx);
    }
  });
  return out;
}

/** An inline entry: itself, or the inputs inside the CLI output shape it has. */
function unwrapInline(item: unknown, kind: InputKindName): UnwrappedInput[] {
  return (isObject(item) && INPUT_KINDS[kind].unwrap(item)) || [{ value: item, at: '', readOnly: [] }];
}

/** The inputs in the file an entry names; none (after an error at `entry.file`) when it cannot be used. */
function readReference(item: Record<string, unknown>, entry: string, kind: InputKindName, ctx: ParseContext, readFile: ReadFile | undefined): UnwrappedInput[] {
  const at = `${entry}.file`;
  const { what } = INPUT_KINDS[kind];
  if (typeof item.file !== 'string' || item.file === '') {
    ctx.error(at, `expected the path of a JSON or YAML file holding ${what}, relative to the scenario file`);
    return [];
  }
  const text = readScenarioFile(item.file, at, ctx, readFile);
  if (text === undefined) return [];
  let content: unknown;
  try {
    content = parseYaml(text, { prettyErrors: false });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    ctx.error(at, `"${item.file}" is not valid JSON or YAML (line ${line}, column ${col}: ${message})`);
    return [];
  }
  if (Array.isArray(content)) return content.flatMap((element, i) => unwrapInline(element, kind).map((p) => ({ ...p, at: `[${i}]${p.at === '' ? '' : `.${p.at}`}` })));
  if (!isObject(content)) {
    ctx.error(at, `expected "${item.file}" to hold ${what} (a JSON or YAML object), got ${content === null ? 'an empty file' : JSON.stringify(content).slice(0, 40)}`);
    return [];
  }
  if (isObject(content.Resources)) {
    ctx.error(at, `"${item.file}" is a CloudFormation template, not ${what}: take its parts with fromCloudFormation (docs/scenarios.md, CloudFormation)`);
    return [];
  }
  return unwrapInline(content, kind);
}

/** The user's view of an entry's path: the file and the place in it for expanded entries. */
function originLabel(origin: EntryOrigin, rest: string): string {
  if (origin.file === undefined) return `${origin.entry}${origin.at === '' ? '' : `.${origin.at}`}${rest}`;
  const inner = `${origin.at}${rest}`.replace(/^\./, '');
  return `${origin.entry} (${origin.file})${inner === '' ? '' : ` ${inner}`}`;
}

/** Read-only fields dropped from a CLI output, and failures it reported: notes, since nothing is wrong. */
function noteReadOnly(piece: UnwrappedInput, origin: EntryOrigin, ctx: ParseContext): void {
  const at = originLabel(origin, '');
  if (piece.readOnly.length > 0) ctx.note(at, `${piece.shape}: read-only fields ignored (${piece.readOnly.join(', ')})`);
  if (piece.failures) ctx.note(at, `${piece.shape} lists failures (${piece.failures}): those are not in it`);
}

/**
 * Relabels the problems `ctx` recorded after `mark` (found at expanded paths). An override is one
 * field for every entry a file yields, so its problem is reported once.
 */
export function relabelProblemsSince(ctx: ParseContext, mark: { errors: number; notes: number }, origins: readonly EntryOrigin[]): void {
  const once = (problems: Problem[]) => problems.filter((p, i) => problems.findIndex((q) => q.path === p.path && q.message === p.message) === i);
  ctx.errors.splice(mark.errors, Infinity, ...once(relabelProblems(ctx.errors.slice(mark.errors), origins)));
  ctx.notes.splice(mark.notes, Infinity, ...once(relabelProblems(ctx.notes.slice(mark.notes), origins)));
}

/** Problems found at expanded paths, relabelled as the places the user wrote (overrides at the entry). */
export function relabelProblems(problems: Problem[], origins: readonly EntryOrigin[]): Problem[] {
  if (origins.length === 0) return problems;
  return problems.map((problem) => {
    const origin = origins.find((o) => problem.path === o.expanded || problem.path.startsWith(`${o.expanded}.`) || problem.path.startsWith(`${o.expanded}[`));
    if (!origin) return problem;
    const rest = problem.path.slice(origin.expanded.length);
    const field = /^\.([^.[]+)/.exec(rest)?.[1];
    if (field !== undefined && origin.overrides.includes(field)) return { ...problem, path: `${origin.entry}${rest}` };
    return { ...problem, path: originLabel(origin, rest) };
  });
}
