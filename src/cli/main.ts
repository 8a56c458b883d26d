#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { VERSION } from '../version.js';
import { badInput, CliError } from './cli-error.js';
import { readScenario } from './read-scenario.js';
import { compareCommand } from './compare-command.js';
import { mergeCommand } from './merge-command.js';
import { runCommand } from './run-command.js';
import { sweepCommand } from './sweep-command.js';
import { hasSweepFlags, relaunchWithSweepFlags } from './sweep-process.js';
import { USAGE } from './usage.js';

function main(argv: string[]): void | Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        seed: { type: 'string' },
        until: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        check: { type: 'boolean' },
        'check-every': { type: 'string' },
        'max-events': { type: 'string' },
        events: { type: 'string' },
        tasks: { type: 'string' },
        seeds: { type: 'string' },
        set: { type: 'string', multiple: true },
        workers: { type: 'string' },
        shard: { type: 'string' },
        shards: { type: 'string' },
      },
    });
  } catch (error) {
    throw badInput(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  if (values.help || command === 'help' || command === undefined) return void process.stdout.write(`${USAGE}\n`);
  checkOptionsFit(command, values);
  if (command === 'compare') return compareCommand(file === undefined ? [] : [file, ...extra], values);
  if (command === 'merge') {
    if (!file || extra.length === 0) throw badInput('merge: expected an output directory and shard files (ecsim merge OUT_DIR SHARD...)');
    return mergeCommand(file, extra);
  }
  if (extra.length > 0) throw badInput(`unexpected arguments: ${extra.join(' ')}`);
  switch (command) {
    case 'run':
      if (!file) throw badInput('run: expected a scenario FILE (ecsim run FILE)');
      return runCommand(file, values);
    case 'sweep':
      if (!file) throw badInput('sweep: expected a scenario FILE (ecsim sweep FILE --seeds 1..20)');
      if (!hasSweepFlags(process.execArgv, process.env)) return relaunchWithSweepFlags().then((code) => void (process.exitCode = code));
      return sweepCommand(file, values);
    case 'validate': {
      if (!file) throw badInput('validate: expected a scenario FILE (ecsim validate FILE)');
      const spec = readScenario(file);
      const instances = spec.cluster.containerInstances.reduce((n, g) => n + g.count, 0);
      const notes = spec.notes.length > 0 ? `; ${spec.notes.length} fields not simulated:\n${spec.notes.map((n) => `  note: ${n.path}: ${n.message}`).join('\n')}` : '';
      return void process.stdout.write(
        `${file}: valid (${spec.taskDefinitions.length} task definitions, ${instances} container instances, ${spec.runTasks.length} RunTask sources${notes})\n`,
      );
    }
    case 'schema':
      return void process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    default:
      throw badInput(`unknown command "${command}"\n\n${USAGE}`);
  }
}

/** The options each command takes besides --help and --version. */
const COMMAND_OPTIONS: Record<string, string[]> = {
  run: ['seed', 'until', 'out', 'json', 'check', 'check-every', 'max-events', 'events', 'tasks'],
  sweep: ['seeds', 'set', 'workers', 'out', 'shard', 'shards', 'max-events'],
  merge: [],
  compare: ['out'],
  validate: [],
  schema: [],
};

/** An option of one command given to another is a mistake, not silently ignored (`run --seeds` would run one seed). */
function checkOptionsFit(command: string, values: Record<string, unknown>): void {
  const own = COMMAND_OPTIONS[command];
  if (own === undefined) return; // an unknown command: main says so
  const given = Object.keys(values).find((name) => values[name] !== undefined && name !== 'help' && name !== 'version' && !own.includes(name));
  if (given === undefined) return;
  const hint = command === 'sweep' && given === 'seed' ? ' (ecsim sweep takes --seeds)' : command === 'sweep' && given === 'until' ? ' (use --set duration=D)' : '';
  throw badInput(`${command}: --${given} is not an option of ecsim ${command}${hint}`);
}

/** A CliError is one line and its exit code; anything else is a bug, shown with its stack. */
function reportError(error: unknown): void {
  if (error instanceof CliError) {
    process.stderr.write(`ecsim: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}

try {
  // sweep is asynchronous (it waits for worker threads); the other commands finish before main returns.
  void main(process.argv.slice(2))?.catch(reportError);
} catch (error) {
  reportError(error);
}
