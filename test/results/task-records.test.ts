import { describe, expect, it } from 'vitest';
import { simFiles, simResults } from '../report/sims-results.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecsim } from '../cli/run-cli.js';

const SIMS = join(__dirname, '../../sims');

describe('--tasks summary: Results without per-task records', () => {
  it.each(simFiles())('%s: the same Results as full but for the records themselves', (file) => {
    const loaded = loadScenario(readFileSync(join(SIMS, file), 'utf8'), { readFile: (path) => readFileSync(join(SIMS, path), 'utf8') });
    if (!loaded.ok) throw new Error(file);
    const full = simResults(file);
    const summary = simulate(loaded.spec, { taskRecords: 'summary', check: true });
    expect(full.taskRecords).toBe('full');
    expect(full.tasks.length).toBe(full.summary.tasksPlaced);
    expect(summary.taskRecords).toBe('summary');
    expect(summary.tasks).toEqual([]);
    expect(JSON.stringify({ ...summary, tasks: full.tasks, taskRecords: 'full' })).toBe(JSON.stringify(full));
  });

  it('the CLI takes --tasks full or summary, and nothing else', () => {
    const bad = ecsim(['run', 'sims/quickstart.yaml', '--tasks', 'some', '--json']);
    expect([bad.code, bad.stderr]).toEqual([2, 'ecsim: --tasks: expected full or summary, got "some"\n']);
    const ok = ecsim(['run', 'sims/quickstart.yaml', '--tasks', 'summary', '--json']);
    expect(ok.code).toBe(0);
    const results = JSON.parse(ok.stdout);
    expect(results.taskRecords).toBe('summary');
    expect(results.tasks).toEqual([]);
    expect(results.summary.tasksPlaced).toBeGreaterThan(0);
  });
});
