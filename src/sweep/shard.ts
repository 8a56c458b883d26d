import type { GridCell } from './grid.js';
import type { Parsed } from './parse-seeds.js';

/** Shard `index` of `count` (0-based, as Kubernetes' JOB_COMPLETION_INDEX and AWS Batch's AWS_BATCH_JOB_ARRAY_INDEX are). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The environment variables that say which shard this process is, in the order they are read:
 * a Kubernetes Indexed Job sets the first, an AWS Batch array job the second. The shard count has
 * no standard variable, so it comes from `--shards N` or ECSIM_SHARDS.
 */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;
export const SHARD_COUNT_VARIABLE = 'ECSIM_SHARDS';

/** The most shards a sweep may be split into. */
const MAX_SHARDS = 100_000;

/** Parses `--shard i/n`. */
export function parseShard(text: string): Parsed<Shard> {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return { ok: false, message: `--shard: expected i/n such as "0/4", got "${text}"` };
  return checkShard(Number(match[1]), Number(match[2]), `--shard ${text}`);
}

/**
 * Which shard to run: `--shard i/n` if given; else the index from the first variable of
 * SHARD_INDEX_VARIABLES that is set and the count from `--shards` or ECSIM_SHARDS; else the whole
 * sweep (undefined).
 */
export function chooseShard(flags: { shard?: string; shards?: string }, env: Record<string, string | undefined>): Parsed<Shard | undefined> {
  if (flags.shard !== undefined) {
    if (flags.shards !== undefined) return { ok: false, message: '--shard i/n already gives the count; drop --shards' };
    return parseShard(flags.shard);
  }
  const variable = SHARD_INDEX_VARIABLES.find((name) => env[name] !== undefined && env[name] !== '');
  // An empty variable counts as unset, as shells and job templates often leave them.
  const countText = flags.shards ?? (env[SHARD_COUNT_VARIABLE] || undefined);
  const countSource = flags.shards !== undefined ? '--shards' : SHARD_COUNT_VARIABLE;
  if (variable === undefined) {
    return flags.shards === undefined ? { ok: true, value: undefined } : { ok: false, message: `--shards needs a shard index: --shard i/n, or ${SHARD_INDEX_VARIABLES.join(' or ')} set` };
  }
  const indexText = env[variable]!;
  if (countText === undefined) {
    return { ok: false, message: `${variable}=${indexText} is set, so this is one shard of a sweep: give the number of shards with --shards N or ${SHARD_COUNT_VARIABLE}` };
  }
  if (!/^\d+$/.test(indexText)) return { ok: false, message: `${variable}: expected a whole number, got "${indexText}"` };
  if (!/^\d+$/.test(countText)) return { ok: false, message: `${countSource}: expected a whole number, got "${countText}"` };
  return checkShard(Number(indexText), Number(countText), `${variable}=${indexText} with ${countSource}=${countText}`);
}

function checkShard(index: number, count: number, source: string): Parsed<Shard> {
  if (count < 1 || count > MAX_SHARDS) return { ok: false, message: `${source}: expected from 1 to ${MAX_SHARDS} shards` };
  if (index >= count) return { ok: false, message: `${source}: the shard index must be below the number of shards (0 to ${count - 1})` };
  return { ok: true, value: { index, count } };
}

/**
 * The cells a shard runs: every n-th cell starting at its index (cell index % n == i). Dealing cells
 * round-robin rather than in blocks spreads each grid point over all shards, so a slow point (a
 * bigger cluster, a longer duration) does not land on one machine.
 */
export function shardCells(cells: GridCell[], shard: Shard | undefined): GridCell[] {
  return shard === undefined ? cells : cells.filter((cell) => cell.index % shard.count === shard.index);
}
