import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioObject } from '../builders.js';
import { expectBadInput, ecsim } from './run-cli.js';

const HEADER = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecsim-trace-'));
});

/** A scenario in its own folder whose RunTask source replays `file`, relative to the scenario. */
function traceScenario(name: string, file: string): string {
  const runTasks = [{ name: 'pods', taskDefinition: 'job', arrivals: { process: 'trace', file, timeScale: 60 } }];
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(scenarioObject({ workload: { runTasks } })));
  return path;
}

describe('ecsim run with a pod trace: a trace problem exits 2 with one line naming the path, never a stack trace', () => {
  it.each([
    ['a missing trace file', 'nowhere.csv', undefined, /: workload\.runTasks\[0\]\.arrivals\.file: cannot read "nowhere\.csv" \(no such file\)$/],
    ['a bad row', 'bad.csv', `${HEADER}\np,1000,1024,0,0,,LS,Running,0,100,0\nq,1000,-5,0,0,,LS,Running,1,100,1\n`, /: workload\.runTasks\[0\]\.arrivals\.file: bad\.csv line 3: expected memory_mib to be a whole number >= 0, got "-5"$/],
  ])('%s', (label, file, content, pattern) => {
    if (content !== undefined) writeFileSync(join(dir, file), content);
    const scenario = traceScenario(label.replace(/\W+/g, '-'), file);
    expectBadInput(ecsim(['validate', scenario]), pattern);
  });

  it('a good trace next to the scenario runs', () => {
    writeFileSync(join(dir, 'good.csv'), `${HEADER}\np,500,1024,0,0,,LS,Running,600,4200,601\n`);
    const { code, stdout } = ecsim(['validate', traceScenario('good', 'good.csv')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid \(1 task definitions, 2 container instances, 1 RunTask sources\)/);
  });
});
