import { describe, expect, it } from 'vitest';
import { gridCells, gridPoints } from '../../src/sweep/grid.js';
import { parseSeeds } from '../../src/sweep/parse-seeds.js';
import { parseSet } from '../../src/sweep/parse-set.js';

const seeds = (text: string) => parseSeeds(text);
const values = (text: string) => {
  const parsed = parseSet(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value.values;
};

describe('--seeds', () => {
  it('1..50 is fifty seeds, both ends included, in order', () => {
    const parsed = seeds('1..50');
    expect(parsed.ok && parsed.value).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('takes lists and mixes of ranges and lists, keeping the order written', () => {
    expect(seeds('1,5,9')).toEqual({ ok: true, value: [1, 5, 9] });
    expect(seeds('7..9, 2')).toEqual({ ok: true, value: [7, 8, 9, 2] });
    expect(seeds('0')).toEqual({ ok: true, value: [0] });
  });

  it.each([
    ['5..1', /must not run backwards, got "5\.\.1"/],
    ['a..b', /expected whole numbers such as "1\.\.50"/],
    ['', /expected whole numbers/],
    ['1,,2', /expected whole numbers/],
    ['-3', /expected whole numbers/],
    ['1.5', /expected whole numbers/],
    ['1..3,2', /seed 2 is listed twice/],
    ['1..1000000', /at most 100000 seeds/],
  ])('rejects %j', (text, message) => {
    const parsed = seeds(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('--set path=v1,v2,...', () => {
  it('reads each value as a YAML scalar, as the scenario file would', () => {
    expect(values('services[0].desiredCount=2,4,8')).toEqual([2, 4, 8]);
    expect(values('x=true,10m,m5.large,null,1.5')).toEqual([true, '10m', 'm5.large', null, 1.5]);
  });

  it('splits on commas outside quotes', () => {
    expect(values(`description="a, b",'c, d'`)).toEqual(['a, b', 'c, d']);
  });

  it('keeps the path and its parsed segments', () => {
    const parsed = parseSet('services[serviceName=web].desiredCount=1');
    expect(parsed.ok && parsed.value.path).toBe('services[serviceName=web].desiredCount');
    expect(parsed.ok && parsed.value.segments).toEqual([{ key: 'services' }, { field: 'serviceName', equals: 'web' }, { key: 'desiredCount' }]);
  });

  it.each([
    ['desiredCount', /expected path=value1,value2/],
    ['=1,2', /expected path=value1,value2/],
    ['a=1,,2', /expected scalar values/],
    ['a=', /expected scalar values/],
    ['a=[1]', /expected scalar values/],
    ['a=1,1.0', /value 1 is listed twice/],
    ['a..b=1', /expected a path such as/],
    ['[0].x=1', /expected a path such as|starts with a field name/],
    ['services[x].y=1', /expected a path such as/],
  ])('rejects %j', (text, message) => {
    const parsed = parseSet(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('the grid', () => {
  it('is the cartesian product of the --set values, the first --set varying slowest', () => {
    const points = gridPoints([{ values: [1, 2] }, { values: ['a', 'b', 'c'] }]);
    expect(points.map((p) => p.values)).toEqual([[1, 'a'], [1, 'b'], [1, 'c'], [2, 'a'], [2, 'b'], [2, 'c']]);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('without --set is one point', () => {
    expect(gridPoints([])).toEqual([{ index: 0, values: [] }]);
  });

  it('runs each point over the seeds in the order given: cell index = point * seeds + seed position', () => {
    expect(gridCells(2, [7, 3])).toEqual([
      { index: 0, point: 0, seed: 7 },
      { index: 1, point: 0, seed: 3 },
      { index: 2, point: 1, seed: 7 },
      { index: 3, point: 1, seed: 3 },
    ]);
  });
});
