#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { VERSION } from '../version.js';
import { badInput, CliError } from './cli-error.js';
import { readScenario } from './read-scenario.js';
import { runCommand } from './run-command.js';
import { USAGE } from './usage.js';

function main(argv: string[]): void {
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
        'max-events': { type: 'string' },
        events: { type: 'string' },
      },
    });
  } catch (error) {
    throw badInput(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  if (values.help || command === 'help' || command === undefined) return void process.stdout.write(`${USAGE}\n`);
  if (extra.length > 0) throw badInput(`unexpected arguments: ${extra.join(' ')}`);
  switch (command) {
    case 'run':
      if (!file) throw badInput('run: expected a scenario FILE (ecsim run FILE)');
      return runCommand(file, values);
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

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`ecsim: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    throw error;
  }
}
