import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioObject } from '../builders.js';
import { expectBadInput, ecsim, ROOT } from './run-cli.js';

const QUICKSTART = join(ROOT, 'sims/quickstart.yaml');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecsim-cli-'));
});

function scenarioFile(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

describe('ecsim validate: bad input exits 2 with one line naming the path, never a stack trace', () => {
  const base = scenarioObject();
  const cases: [string, string | object, RegExp][] = [
    ['invalid YAML', 'name: x\nduration: [1h\n', /invalid YAML at line \d+, column \d+/],
    ['a wrong type', { ...base, seed: 'abc' }, /: seed: expected an integer >= 0, got "abc"$/],
    [
      'an unknown task definition',
      { ...base, workload: { runTasks: [{ ...(base.workload as { runTasks: object[] }).runTasks[0], taskDefinition: 'nope' }] } },
      /: workload\.runTasks\[0\]\.taskDefinition: unknown task definition "nope" \(registered: job:1\)$/,
    ],
    [
      'a negative count',
      { ...base, cluster: { containerInstances: [{ instanceType: 'm5.large', count: -2 }] } },
      /: cluster\.containerInstances\[0\]\.count: expected an integer from 0 to 1000000, got -2$/,
    ],
    ['a bad duration', { ...base, duration: '10 minutes' }, /: duration: expected a positive duration such as "90s"/],
  ];
  it.each(cases)('%s', (label, content, pattern) => {
    const file = scenarioFile(`${label.replace(/\W+/g, '-')}.yaml`, content);
    const line = expectBadInput(ecsim(['validate', file]), pattern);
    expect(line.startsWith(`ecsim: ${file}: `)).toBe(true);
  });

  it('a missing file exits 2', () => {
    const { code, stderr } = ecsim(['validate', join(dir, 'missing.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read the scenario file \(no such file\)/);
  });

  it('a valid scenario exits 0 and says what it holds', () => {
    const { code, stdout } = ecsim(['validate', QUICKSTART]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid \(2 task definitions, 3 container instances, 2 RunTask sources\)/);
  });

  it('bad options exit 2', () => {
    expect(ecsim(['run', QUICKSTART, '--seed', 'x']).code).toBe(2);
    expect(ecsim(['run', QUICKSTART, '--until', 'later']).code).toBe(2);
    expect(ecsim(['run', QUICKSTART, '--bogus']).code).toBe(2);
    expect(ecsim(['frobnicate']).code).toBe(2);
  });

  it('bad input writes nothing', () => {
    const out = join(dir, 'never');
    const file = scenarioFile('bad.yaml', { ...base, duration: 'x' });
    expect(ecsim(['run', file, '--out', out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('ecsim run', () => {
  it('writes results.json and report.html and prints where', () => {
    const out = join(dir, 'run1');
    const { code, stdout } = ecsim(['run', QUICKSTART, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain(`results: ${join(out, 'results.json')}`);
    expect(stdout).toContain(`report:  ${join(out, 'report.html')}`);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'results.json']);
  });

  it('is deterministic: the same seed gives byte-identical results and report, another seed different ones', () => {
    const outputs = ['a', 'b', 'c'].map((name, i) => {
      const out = join(dir, `det-${name}`);
      expect(ecsim(['run', QUICKSTART, '--out', out, ...(i === 2 ? ['--seed', '7'] : [])]).code).toBe(0);
      return ['results.json', 'report.html'].map((f) => readFileSync(join(out, f), 'utf8'));
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2][0]).not.toEqual(outputs[0][0]);
    expect(outputs[2][1]).not.toEqual(outputs[0][1]);
  });

  it('--json prints the Results on stdout; --seed and --until override the scenario', () => {
    const { code, stdout } = ecsim(['run', QUICKSTART, '--json', '--seed', '5', '--until', '30m']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results.scenario).toMatchObject({ seed: 5, durationMs: 1_800_000, name: 'quickstart batch cluster' });
    expect(results.series.t.at(-1)).toBe(1_800_000);
  });

  it('--check runs the invariants after every event and passes', () => {
    expect(ecsim(['run', QUICKSTART, '--check', '--json']).code).toBe(0);
  });

  it('--check-every N checks every Nth event and the end, and changes nothing in the Results', () => {
    const checked = ecsim(['run', QUICKSTART, '--check-every', '100', '--json']);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe(ecsim(['run', QUICKSTART, '--json']).stdout);
    expectBadInput(ecsim(['run', QUICKSTART, '--check-every', '0']), /--check-every: expected a whole number of events of at least 1/);
    expectBadInput(ecsim(['run', QUICKSTART, '--check-every', 'often']), /--check-every: expected a whole number/);
  });

  it('--max-events stops with a clear message and exit code 1', () => {
    const { code, stderr } = ecsim(['run', QUICKSTART, '--max-events', '100', '--out', join(dir, 'max')]);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/stopped after 100 events \(the --max-events limit\) at simulated time \d+ ms$/);
    expect(existsSync(join(dir, 'max'))).toBe(false);
  });

  it('--help and --version', () => {
    expect(ecsim(['--help']).stdout).toMatch(/ecsim run FILE/);
    expect(ecsim(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('ecsim run --events', () => {
  it('writes the event log as JSON Lines next to the results', () => {
    const out = join(dir, 'events');
    const file = join(out, 'events.jsonl');
    const { code, stdout } = ecsim(['run', QUICKSTART, '--out', out, '--events', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/events: {2}.*events\.jsonl \(\d+ EventBridge-shaped records, JSON Lines\)/);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(JSON.parse(lines[0])['detail-type']).toBe('ECS Container Instance State Change');
  });
});
