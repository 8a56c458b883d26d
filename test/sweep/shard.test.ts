import { describe, expect, it } from 'vitest';
import { gridCells } from '../../src/sweep/grid.js';
import { chooseShard, parseShard, shardCells } from '../../src/sweep/shard.js';

describe('--shard i/n', () => {
  it('parses i/n', () => {
    expect(parseShard('1/4')).toEqual({ ok: true, value: { index: 1, count: 4 } });
  });

  it.each([
    ['4/4', /the shard index must be below the number of shards \(0 to 3\)/],
    ['0/0', /expected from 1 to/],
    ['1', /expected i\/n/],
    ['-1/2', /expected i\/n/],
  ])('rejects %j', (text, message) => {
    const parsed = parseShard(text);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('deals cells round-robin: shard i of n runs cell indexes i, i + n, ...; the shards together run every cell once', () => {
    const cells = gridCells(3, [1, 2, 3]);
    const shards = [0, 1, 2, 3].map((index) => shardCells(cells, { index, count: 4 }).map((c) => c.index));
    expect(shards).toEqual([[0, 4, 8], [1, 5], [2, 6], [3, 7]]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual(cells.map((c) => c.index));
  });
});

describe('the shard from the environment', () => {
  it('none set: the whole sweep', () => {
    expect(chooseShard({}, {})).toEqual({ ok: true, value: undefined });
  });

  it('a Kubernetes Indexed Job: JOB_COMPLETION_INDEX, with the count from ECSIM_SHARDS or --shards', () => {
    expect(chooseShard({}, { JOB_COMPLETION_INDEX: '2', ECSIM_SHARDS: '5' })).toEqual({ ok: true, value: { index: 2, count: 5 } });
    expect(chooseShard({ shards: '3' }, { JOB_COMPLETION_INDEX: '2', ECSIM_SHARDS: '5' })).toEqual({ ok: true, value: { index: 2, count: 3 } });
  });

  it('an AWS Batch array job: AWS_BATCH_JOB_ARRAY_INDEX', () => {
    expect(chooseShard({ shards: '10' }, { AWS_BATCH_JOB_ARRAY_INDEX: '9' })).toEqual({ ok: true, value: { index: 9, count: 10 } });
  });

  it('--shard wins over the environment', () => {
    expect(chooseShard({ shard: '0/2' }, { JOB_COMPLETION_INDEX: '1', ECSIM_SHARDS: '2' })).toEqual({ ok: true, value: { index: 0, count: 2 } });
  });

  it.each([
    [{}, { JOB_COMPLETION_INDEX: '1' }, /JOB_COMPLETION_INDEX=1 is set, so this is one shard of a sweep: give the number of shards with --shards N or ECSIM_SHARDS/],
    [{}, { AWS_BATCH_JOB_ARRAY_INDEX: '3', ECSIM_SHARDS: '3' }, /AWS_BATCH_JOB_ARRAY_INDEX=3 with ECSIM_SHARDS=3: the shard index must be below the number of shards/],
    [{}, { JOB_COMPLETION_INDEX: 'x', ECSIM_SHARDS: '3' }, /JOB_COMPLETION_INDEX: expected a whole number, got "x"/],
    [{ shards: '4' }, {}, /--shards needs a shard index/],
    [{ shard: '0/2', shards: '2' }, {}, /drop --shards/],
  ])('%j with %j is an error', (flags, env, message) => {
    const chosen = chooseShard(flags, env);
    expect(!chosen.ok && chosen.message).toMatch(message);
  });
});
