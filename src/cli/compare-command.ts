import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { renderComparison, type ComparedRun } from '../../report/compare-report.js';
import type { Results } from '../results/results.js';
import { simulate } from '../simulate.js';
import { badInput } from './cli-error.js';
import { writeAll } from './output.js';
import { readScenario } from './read-scenario.js';

/**
 * `ecsim compare A B ...`: one page with the runs side by side. Each argument is a results.json
 * (from `ecsim run`) or a scenario file, which is simulated first. Writes OUT/compare.html.
 */
export function compareCommand(files: string[], flags: { out?: string }): void {
  if (files.length < 2) throw badInput('compare: expected at least two results.json or scenario files (ecsim compare A B ...)');
  const runs = labelled(files.map((file) => ({ file, results: resultsOf(file) })));
  const outDir = flags.out ?? join('out', 'compare');
  const path = join(outDir, 'compare.html');
  writeAll([{ path, content: renderComparison(runs) }]);
  process.stdout.write(`compared ${runs.length} runs: ${runs.map((r) => r.label).join(', ')}\ncomparison: ${path}\n`);
}

function resultsOf(file: string): Results {
  const extension = extname(file).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return simulate(readScenario(file));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw badInput(`${file}: cannot read it (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badInput(`${file}: expected the results.json of an ecsim run (or a scenario .yaml), but it is not JSON (${(error as Error).message})`);
  }
  const missing = missingResultsField(value);
  if (missing !== undefined) throw badInput(`${file}: expected the results.json of an ecsim run, but it has no ${missing}`);
  return value as Results;
}

/** The first field a Results document must have that `value` lacks (undefined: it looks like Results). */
export function missingResultsField(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'object at the top';
  const v = value as Record<string, unknown>;
  for (const field of ['ecsimVersion', 'scenario', 'summary', 'series', 'tasks', 'instances', 'services', 'deployments']) if (v[field] === undefined) return `"${field}"`;
  const series = v.series as Record<string, unknown>;
  for (const field of ['t', 'runningTasks', 'pendingTasks', 'instances', 'cpuReservation', 'costPerHour', 'serviceMetrics']) if (series[field] === undefined) return `"series.${field}"`;
  return undefined;
}

/** Runs are shown under their scenario's name; when two share one, the file name tells them apart. */
function labelled(runs: { file: string; results: Results }[]): ComparedRun[] {
  const names = runs.map((r) => r.results.scenario.name);
  return runs.map(({ file, results }) => ({
    label: names.filter((n) => n === results.scenario.name).length > 1 ? `${results.scenario.name} (${basename(file)})` : results.scenario.name,
    results,
  }));
}
