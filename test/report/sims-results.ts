import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, simulate, type Results } from '../../src/index.js';

const SIMS = join(__dirname, '../../sims');

/** Every scenario file in sims/, sorted. */
export const simFiles = (): string[] => readdirSync(SIMS).filter((f) => f.endsWith('.yaml')).sort();

/** The Results of a sims/ scenario (traces read relative to sims/), optionally with its text changed first. */
export function simResults(file: string, edit: (text: string) => string = (t) => t): Results {
  const loaded = loadScenario(edit(readFileSync(join(SIMS, file), 'utf8')), { readFile: (path) => readFileSync(join(SIMS, path), 'utf8') });
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return simulate(loaded.spec);
}
