import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SweepDocument } from '../../src/sweep/sweep-document.js';
import { expectBadInput, ecsim, ROOT } from './run-cli.js';

const QUICKSTART = join(ROOT, 'sims/quickstart.yaml');
// 2 grid points x 4 seeds of a short quickstart: 8 runs, a second or two.
const GRID = ['--seeds', '1..4', '--set', 'duration=20m', '--set', 'cluster.containerInstances[0].count=2,3'];
// The test runner's own environment must not choose a shard.
const NO_SHARD = { JOB_COMPLETION_INDEX: '', AWS_BATCH_JOB_ARRAY_INDEX: '', ECSIM_SHARDS: '' };
const FILES = ['sweep.json', 'sweep.csv', 'sweep.html'];

let dir: string;
const sweep = (out: string, args: string[] = [], env: Record<string, string> = {}) =>
  ecsim(['sweep', QUICKSTART, ...GRID, '--out', join(dir, out), ...args], ROOT, { ...NO_SHARD, ...env });
const read = (out: string, file: string) => readFileSync(join(dir, out, file), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecsim-sweep-'));
  for (const [out, workers] of [['one-worker', '1'], ['two-workers', '2']]) {
    const result = sweep(out, ['--workers', workers]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
});

describe('ecsim sweep', () => {
  it('runs every grid point over every seed and says where the files are', () => {
    const doc = JSON.parse(read('one-worker', 'sweep.json')) as SweepDocument;
    expect(doc.points.map((p) => p.set)).toEqual([
      { duration: '20m', 'cluster.containerInstances[0].count': 2 },
      { duration: '20m', 'cluster.containerInstances[0].count': 3 },
    ]);
    expect(doc.runs.map((r) => [r.cell, r.point, r.seed])).toEqual([
      [0, 0, 1], [1, 0, 2], [2, 0, 3], [3, 0, 4], [4, 1, 1], [5, 1, 2], [6, 1, 3], [7, 1, 4],
    ]);
    // The grid changes the runs: 2 m5.large instances cost less than 3.
    expect(doc.points[0].figures.totalCostUsd.mean).toBeLessThan(doc.points[1].figures.totalCostUsd.mean);
    expect(doc.points[1].figures.peakInstances.mean).toBe(3);
  });

  it("each point's figures are the mean and Student t interval of its runs", () => {
    const doc = JSON.parse(read('one-worker', 'sweep.json')) as SweepDocument;
    const tasks = doc.runs.filter((r) => r.point === 0).map((r) => r.figures.tasksRequested);
    const mean = tasks.reduce((a, b) => a + b, 0) / 4;
    const s = Math.sqrt(tasks.reduce((a, x) => a + (x - mean) ** 2, 0) / 3);
    const summary = doc.points[0].figures.tasksRequested;
    expect(summary.n).toBe(4);
    expect(summary.mean).toBeCloseTo(mean, 6);
    expect(summary.halfWidth).toBeCloseTo((3.182446 * s) / 2, 5); // t(0.975, 3) * s / sqrt(4)
    expect(s).toBeGreaterThan(0); // the seeds do differ, so the interval is not trivially zero
  });

  it('writes the CSV one row per grid point and figure', () => {
    const lines = read('one-worker', 'sweep.csv').trimEnd().split('\n');
    expect(lines[0]).toBe('point,duration,cluster.containerInstances[0].count,figure,unit,n,mean,ci95_low,ci95_high,ci95_half_width,sd,min,max');
    const doc = JSON.parse(read('one-worker', 'sweep.json')) as SweepDocument;
    expect(lines).toHaveLength(1 + 2 * doc.figures.length);
    const cost = doc.points[1].figures.totalCostUsd;
    expect(lines).toContain(`1,20m,3,totalCostUsd,USD,4,${cost.mean},${cost.low},${cost.high},${cost.halfWidth},${cost.sd},${cost.min},${cost.max}`);
  });

  it('writes the same bytes on 1 worker and on 2', () => {
    for (const file of FILES) expect(read('two-workers', file)).toBe(read('one-worker', file));
  });

  it('the page is self-contained: no scripts, no links out', () => {
    const html = read('one-worker', 'sweep.html');
    expect(html).toMatch(/<h2>totalCostUsd/);
    expect(html).not.toMatch(/<script|https?:\/\/|src=/);
  });
});

describe('shards and ecsim merge', () => {
  beforeAll(() => {
    expect(sweep('shards', ['--shard', '0/2']).code).toBe(0);
    // The second shard as a Kubernetes Indexed Job would run it.
    expect(sweep('shards', [], { JOB_COMPLETION_INDEX: '1', ECSIM_SHARDS: '2' }).code).toBe(0);
  });

  it('shard 0/2 and shard 1/2, merged, equal the unsplit sweep byte for byte (in either order)', () => {
    const shards = [0, 1].map((i) => join(dir, 'shards', `shard-${i}-of-2.json`));
    const merged = ecsim(['merge', join(dir, 'merged'), ...shards]);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toMatch(/merged 2 shards, 8 runs/);
    const reversed = ecsim(['merge', join(dir, 'merged-reversed'), ...shards.reverse()]);
    expect(reversed.code).toBe(0);
    for (const file of FILES) {
      expect(read('merged', file)).toBe(read('one-worker', file));
      expect(read('merged-reversed', file)).toBe(read('one-worker', file));
    }
  });

  it('a shard holds every n-th run', () => {
    const shard = JSON.parse(read('shards', 'shard-1-of-2.json'));
    expect(shard.shard).toEqual({ index: 1, count: 2 });
    expect(shard.runs.map((r: { cell: number }) => r.cell)).toEqual([1, 3, 5, 7]);
  });

  it('AWS_BATCH_JOB_ARRAY_INDEX chooses the shard of an AWS Batch array job', () => {
    const result = sweep('batch', ['--shards', '2'], { AWS_BATCH_JOB_ARRAY_INDEX: '1' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/shard 1\/2: 4 of 8 runs \(2 grid points x 4 seeds\); on \d+ workers?/);
    expect(read('batch', 'shard-1-of-2.json')).toBe(read('shards', 'shard-1-of-2.json'));
  });

  it('an incomplete set of shards is an error naming the missing one, and writes nothing', () => {
    const result = ecsim(['merge', join(dir, 'incomplete'), join(dir, 'shards', 'shard-1-of-2.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ecsim: merge: incomplete sweep: missing shard 0/2\n');
    expect(existsSync(join(dir, 'incomplete'))).toBe(false);
  });

  it('shards of different sweeps do not merge', () => {
    const other = ecsim(['sweep', QUICKSTART, '--seeds', '1..3', '--set', 'duration=20m', '--set', 'cluster.containerInstances[0].count=2,3', '--shard', '1/2', '--out', join(dir, 'other')], ROOT, NO_SHARD);
    expect(other.code).toBe(0);
    const result = ecsim(['merge', join(dir, 'mismatched'), join(dir, 'shards', 'shard-0-of-2.json'), join(dir, 'other', 'shard-1-of-2.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/other\/shard-1-of-2\.json: not a shard of the same sweep as .*shard-0-of-2\.json \(different --seeds\)/);
  });

  it('a shard from an edited scenario file does not merge', () => {
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, `${readFileSync(QUICKSTART, 'utf8')}\n# edited\n`);
    expect(ecsim(['sweep', edited, ...GRID, '--shard', '1/2', '--out', join(dir, 'edited')], ROOT, NO_SHARD).code).toBe(0);
    const result = ecsim(['merge', join(dir, 'x'), join(dir, 'shards', 'shard-0-of-2.json'), join(dir, 'edited', 'shard-1-of-2.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a shard of the same sweep .*\(scenario file sha256 /);
  });

  it('the same shard twice, a truncated shard, and a file that is no shard are errors', () => {
    const zero = join(dir, 'shards', 'shard-0-of-2.json');
    expect(ecsim(['merge', join(dir, 'x'), zero, zero]).stderr).toMatch(/shard 0\/2 is also .*shard-0-of-2\.json/);
    const truncated = join(dir, 'truncated.json');
    const shard = JSON.parse(readFileSync(join(dir, 'shards', 'shard-1-of-2.json'), 'utf8'));
    writeFileSync(truncated, JSON.stringify({ ...shard, runs: shard.runs.slice(1) }));
    expect(ecsim(['merge', join(dir, 'x'), zero, truncated]).stderr).toMatch(/truncated\.json: shard 1\/2 does not hold the runs it should/);
    const notShard = ecsim(['merge', join(dir, 'x'), zero, join(dir, 'one-worker', 'sweep.json')]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toMatch(/sweep\.json: not an ecsim sweep shard file/);
  });
});

it('a run that hits --max-events stops the sweep with exit code 1, naming the run, and writes nothing', () => {
  const out = join(dir, 'stopped');
  const result = ecsim(['sweep', QUICKSTART, ...GRID, '--max-events', '50', '--workers', '2', '--out', out], ROOT, NO_SHARD);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^ecsim: .*quickstart\.yaml: run \d \(seed \d, duration="20m", cluster\.containerInstances\[0\]\.count=\d\): stopped after 50 events \(the --max-events limit\)/);
  expect(existsSync(out)).toBe(false);
});

describe('ecsim sweep: bad input exits 2 with one line, no stack trace, nothing written', () => {
  const cases: [string, string[], RegExp, Record<string, string>?][] = [
    ['a value the scenario rejects', ['--set', 'cluster.containerInstances[0].count=2,-1'], /quickstart\.yaml: cluster\.containerInstances\[0\]\.count: expected an integer from 0 to 1000000, got -1 \(with --set cluster\.containerInstances\[0\]\.count=-1\)$/],
    ['a path that is not in the file', ['--set', 'services[0].desiredCount=2'], /--set services\[0\]\.desiredCount: services is not in the scenario, so it has no entry \[0\]$/],
    ['an index past the end', ['--set', 'cluster.containerInstances[1].count=2'], /cluster\.containerInstances has 1 entries \(indexes 0 to 0\), so no \[1\]$/],
    ['a field ecsim does not simulate', ['--set', 'taskDefinitions[0].containerDefinitions[0].foo=1,2'], /containerDefinitions\[0\]\.foo: not simulated by ecsim; ignored .*so sweeping it would change nothing$/],
    ['a backwards seed range', ['--seeds', '9..1'], /--seeds: a range must not run backwards, got "9\.\.1"$/],
    ['--set seed', ['--set', 'seed=1,2'], /--set seed: use --seeds/],
    ['a run option', ['--until', '1h'], /sweep: --until is not an option of ecsim sweep \(use --set duration=D\)$/],
    ['a bad --workers', ['--workers', '0'], /--workers: expected a whole number of at least 1, got "0"$/],
    ['a shard index without a count', [], /JOB_COMPLETION_INDEX=0 is set/, { JOB_COMPLETION_INDEX: '0' }],
  ];
  it.each(cases)('%s', (label, args, message, env = {}) => {
    const out = join(dir, `bad-${label.replace(/\W+/g, '-')}`);
    expectBadInput(ecsim(['sweep', QUICKSTART, ...args, '--out', out], ROOT, { ...NO_SHARD, ...env }), message);
    expect(existsSync(out)).toBe(false);
  });
});
