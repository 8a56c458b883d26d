import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadScenario } from '../scenario/load-scenario.js';
import type { ScenarioSpec } from '../scenario/scenario-spec.js';
import { badInput } from './cli-error.js';

/** Reads and validates a scenario file; any problem becomes exit code 2 with one line per problem. */
export function readScenario(file: string): ScenarioSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw badInput(`${file}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`);
  }
  // Files the scenario names (request traces) are relative to the scenario file.
  const loaded = loadScenario(text, { readFile: (path) => readFileSync(resolve(dirname(file), path), 'utf8') });
  if (!loaded.ok) {
    throw badInput(loaded.errors.map((e) => `${file}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`).join('\n'));
  }
  return loaded.spec;
}
