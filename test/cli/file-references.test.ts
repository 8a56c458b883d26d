import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectBadInput, ecsim } from './run-cli.js';

const FIXTURES = join(__dirname, '../fixtures/aws-cli');
let dir: string;

/** A scenario in `dir/scenarios/` whose AWS inputs are in `dir/aws/`: named as `../aws/...`, relative to the scenario file. */
function scenario(name: string, services: unknown[]): string {
  const path = join(dir, 'scenarios', `${name}.yaml`);
  const file = {
    name,
    duration: '20m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], containerInstances: [{ instanceType: 'm5.large', count: 3 }] },
    taskDefinitions: [{ file: '../aws/describe-task-definition-hello-world.json' }, { family: 'worker', revision: 3, containerDefinitions: [{ name: 'worker', image: 'worker', cpu: 256, memory: 512 }] }],
    loadBalancing: { targetGroups: [{ Name: 'web-tg', Port: 80 }] },
    services,
  };
  writeFileSync(path, stringify(file));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecsim-file-references-'));
  mkdirSync(join(dir, 'scenarios'));
  mkdirSync(join(dir, 'aws'));
  for (const f of ['describe-task-definition-hello-world.json', 'describe-services-web-and-worker.json']) copyFileSync(join(FIXTURES, f), join(dir, 'aws', f));
  writeFileSync(join(dir, 'aws', 'broken.json'), '{ "services": [ ');
});

describe('ecsim with AWS inputs in files beside the scenario', () => {
  it('validate reads them relative to the scenario file (the working directory is the repository) and lists the ignored read-only fields', () => {
    const { code, stdout } = ecsim(['validate', scenario('described', [{ file: '../aws/describe-services-web-and-worker.json' }])]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid \(2 task definitions, 3 container instances, 0 RunTask sources/);
    expect(stdout).toContain('note: services[0] (../aws/describe-services-web-and-worker.json) services[1]: describe-services output: read-only fields ignored');
  });

  it('run simulates both services of the describe-services output', () => {
    const out = join(dir, 'out');
    const { code, stderr } = ecsim(['run', scenario('run', [{ file: '../aws/describe-services-web-and-worker.json' }]), '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { services: { serviceName: string; runningCount: number }[] };
    expect(results.services.map((s) => [s.serviceName, s.runningCount])).toEqual([
      ['web', 3],
      ['worker', 2],
    ]);
  });

  it.each([
    ['a missing file', '../aws/nowhere.json', /: services\[0\]\.file: cannot read "\.\.\/aws\/nowhere\.json" \(no such file\)$/],
    ['bad JSON', '../aws/broken.json', /: services\[0\]\.file: "\.\.\/aws\/broken\.json" is not valid JSON or YAML \(line \d+, column \d+: .+\)$/],
  ])('%s exits 2 with one line naming the path, never a stack trace', (_label, file, pattern) => {
    expectBadInput(ecsim(['validate', scenario(_label.replace(/\W+/g, '-'), [{ file }])]), pattern);
  });
});
